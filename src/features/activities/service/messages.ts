import { dateLabel } from '../../../core/calendar';
import type { OutMessage, Param, Params } from '../../../outbox/service';
import { CB } from '../callbacks';
import type { Activity, Signup } from '../store';

// The messages this area queues: each in the recipient's language when sent, with a dedupe key that makes it once.

/** Text staff wrote in both languages; without English, English readers see the Chinese, marked as such. */
export const twoLanguages = (zh: string, en: string | null): Param =>
  en ? { 'zh-CN': zh, en } : { $t: 'activities.view.local', params: { text: zh } };

/** What every message about an activity names: what, when, where, who organises it. */
export function activityParams(a: Activity): Params {
  return {
    title: twoLanguages(a.titleZh, a.titleEn),
    kind: { $t: `activities.kinds.${a.kind}` },
    date: dateLabel(a.date),
    start: a.startsAt,
    end: a.endsAt,
    place: twoLanguages(a.placeZh, a.placeEn),
    organiser: a.organiserName ?? { $t: 'activities.view.community' },
    bring: a.bringZh ? twoLanguages(a.bringZh, a.bringEn) : { $t: 'activities.view.nothing' },
  };
}

/** Whose place it is, for a guardian with several: "（王小明）" or nothing. */
const whoParam = (s: Pick<Signup, 'forChild' | 'childName'>): Param =>
  s.forChild && s.childName ? { $t: 'activities.view.forChild', params: { name: s.childName } } : '';

const personal = (key: string, userId: number, content: OutMessage['content']): OutMessage => ({
  dedupeKey: key,
  chatId: userId,
  userId,
  category: 'personal',
  content,
});

export function announcement(a: Activity, userId: number, sessions: number): OutMessage {
  const key = sessions > 1 ? 'activities.msg.announceSeries' : 'activities.msg.announce';
  return {
    dedupeKey: `activities:announce:${a.id}:${userId}`,
    chatId: userId,
    userId,
    category: 'notice',
    content: {
      key,
      params: { ...activityParams(a), sessions },
      buttons: [[{ key: 'activities.btn.open', data: CB.open(a.id) }]],
    },
  };
}

export function reminder(kind: 'eve' | 'soon', a: Activity, s: Signup, stamp: string): OutMessage {
  const userId = s.userId!;
  return personal(`activities:remind-${kind}:${s.id}:${stamp}`, userId, {
    key: kind === 'eve' ? 'activities.msg.remindEve' : 'activities.msg.remindSoon',
    params: { ...activityParams(a), code: s.code ?? '', who: whoParam(s) },
    buttons: [[{ key: 'activities.btn.showCode', data: CB.code(s.id) }]],
  });
}

export function promoted(a: Activity, s: Signup, at: string): OutMessage {
  return personal(`activities:promoted:${s.id}:${at}`, s.userId!, {
    key: 'activities.msg.promoted',
    params: { ...activityParams(a), code: s.code ?? '', who: whoParam(s) },
    buttons: [[{ key: 'activities.btn.open', data: CB.open(a.id) }]],
  });
}

export function changed(a: Activity, userId: number): OutMessage {
  return personal(`activities:changed:${a.id}:${a.revision}:${userId}`, userId, {
    key: 'activities.msg.changed',
    params: activityParams(a),
    buttons: [[{ key: 'activities.btn.open', data: CB.open(a.id) }]],
  });
}

export function cancelled(a: Activity, userId: number): OutMessage {
  return personal(`activities:cancelled:${a.id}:${userId}`, userId, {
    key: 'activities.msg.cancelled',
    params: activityParams(a),
  });
}

export function askFeedback(a: Activity, s: Signup): OutMessage {
  const stars = [1, 2, 3, 4, 5].map((n) => ({ key: 'activities.btn.stars', params: { n }, data: CB.rate(s.id, n) }));
  return personal(`activities:feedback:${a.id}:${s.userId}`, s.userId!, {
    key: 'activities.msg.feedback',
    params: activityParams(a),
    buttons: [stars.slice(0, 3), stars.slice(3)],
  });
}
