import { dateLabel, monthLabel } from '../../../core/calendar';
import { addDays, localDate, zonedToUtc } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import type { OutMessage, Param } from '../../../outbox/service';
import { CB } from '../callbacks';
import { addMonths, monthOf } from '../months';
import { placeLine } from '../place';
import { type ReliefPolicy, SUMMARY_NAMES } from '../policy';
import type { Holiday, Settings } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';
import { codeFor, festivalsFor, pickupDate } from './settings';

export type Stage = 'announce' | 'morning' | 'afternoon' | 'evening' | 'summary';
export const STAGES: readonly Stage[] = ['announce', 'morning', 'afternoon', 'evening', 'summary'];

export interface Window {
  from: Date;
  until: Date;
}

/**
 * When each message of a month's cycle is due. A stage stays due until the next one starts, so a job that
 * missed its minute (or a restart) still sends it, but never after the next, more relevant, message.
 */
export function schedule(month: string, s: Settings, p: ReliefPolicy) {
  const day = pickupDate(month, s);
  const at = (date: string, time: string) => zonedToUtc(date, time, p.timezone);
  const announce = at(addDays(day, -p.announceDaysBefore), p.announceTime);
  const morning = at(day, p.morningTime);
  const afternoon = at(day, p.afternoonTime);
  const evening = at(day, p.eveningTime);
  const summary = at(addDays(day, 1), p.summaryTime);
  const windows: Record<Stage, Window> = {
    announce: { from: announce, until: morning },
    morning: { from: morning, until: afternoon },
    afternoon: { from: afternoon, until: evening },
    evening: { from: evening, until: summary },
    // Staff want the numbers even if the bot was down that morning; after three days the report is the place.
    summary: { from: summary, until: at(addDays(day, 4), p.summaryTime) },
  };
  return { pickupDate: day, makeupUntil: addDays(day, s.makeupDays), windows };
}

const inWindow = (w: Window, now: Date) => now >= w.from && now < w.until;

/** Per-language festival line for messages; '' when the month has none. */
export function festivalParam(holidays: Holiday[]): Param {
  if (holidays.length === 0) return '';
  return {
    $t: 'relief.notify.festivalLine',
    params: {
      names: { 'zh-CN': holidays.map((h) => h.nameZh).join('、'), en: holidays.map((h) => h.nameEn).join(', ') },
      extras: { 'zh-CN': holidays.map((h) => h.extrasZh).join('、'), en: holidays.map((h) => h.extrasEn).join('; ') },
    },
  };
}

interface Contact {
  recipientId: number;
  name: string;
  userId: number;
  as: 'self' | 'proxy';
}

/** Linked recipients and their linked proxies, for the active roster; `skip` leaves out recipients already done. */
async function contacts(db: DbOrTx, skip: Set<number>): Promise<Contact[]> {
  const recipients = (await store.listRecipients(db, true)).filter((r) => !skip.has(r.id));
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const out: Contact[] = recipients.flatMap((r) =>
    r.userId === null ? [] : [{ recipientId: r.id, name: r.name, userId: r.userId, as: 'self' as const }],
  );
  for (const p of await store.linkedProxies(db)) {
    const name = names.get(p.recipientId);
    if (name !== undefined) out.push({ recipientId: p.recipientId, name, userId: p.userId, as: 'proxy' });
  }
  return out;
}

/** Staff chat if configured, else every staff member and admin: who hears of the summary and of requests. */
export async function staffChats(
  { identity, policy }: Pick<ReliefDeps, 'identity' | 'policy'>,
  trx: DbOrTx,
): Promise<{ chatId: number; userId: number | null }[]> {
  if (policy.staffChatId !== undefined) return [{ chatId: policy.staffChatId, userId: null }];
  return (await identity.staffAndAdmins(trx)).map((u) => ({ chatId: u.id, userId: u.id }));
}

/** The monthly cycle: announcement, reminders with the code, no-show offers, and the staff summary. */
export function cycleService(deps: ReliefDeps) {
  const { db, outbox, policy } = deps;

  async function summary(trx: DbOrTx, month: string): Promise<OutMessage[]> {
    const pickups = await store.pickupsOfMonth(trx, month);
    const collected = new Set(pickups.map((x) => x.recipientId));
    const active = await store.listRecipients(trx, true);
    const missing = active.filter((r) => !collected.has(r.id));
    const later = new Set(await store.laterOfMonth(trx, month));
    // A first page of names; the report (a button on the message) pages the rest, and its CSV has everyone.
    const names = missing
      .slice(0, SUMMARY_NAMES)
      .map((r) => (later.has(r.id) ? `${r.name}*` : r.name))
      .join('、');
    const more =
      missing.length > SUMMARY_NAMES
        ? { $t: 'relief.notify.andMore', params: { n: missing.length - SUMMARY_NAMES } }
        : '';
    const params = {
      month: monthLabel(month),
      collected: pickups.length,
      total: active.length + pickups.filter((x) => !active.some((r) => r.id === x.recipientId)).length,
      byProxy: pickups.filter((x) => x.proxyName !== null).length,
      missingCount: missing.length,
      later: later.size,
      names: names || '—',
      more,
    };
    const buttons = [[{ key: 'relief.btn.report', data: CB.report(month) }]];
    return (await staffChats(deps, trx)).map((c) => ({
      dedupeKey: `relief:summary:${month}:${c.chatId}`,
      chatId: c.chatId,
      userId: c.userId,
      category: 'staff',
      content: { key: 'relief.notify.summary', params, buttons },
    }));
  }

  async function stageMessages(trx: DbOrTx, stage: Stage, month: string, s: Settings): Promise<OutMessage[]> {
    if (stage === 'summary') return summary(trx, month);
    const { pickupDate: day, makeupUntil } = schedule(month, s, policy);
    const collected = new Set((await store.pickupsOfMonth(trx, month)).map((x) => x.recipientId));
    const common = {
      date: dateLabel(day),
      hours: `${s.hoursFrom}–${s.hoursTo}`,
      place: placeLine(s),
      festival: festivalParam(await festivalsFor(trx, month, s)),
    };
    const out: OutMessage[] = [];
    for (const c of await contacts(trx, collected)) {
      const who = c.as === 'proxy' ? 'Proxy' : '';
      const params = { ...common, name: c.name };
      const showCode = [[{ key: 'relief.btn.showCode', data: CB.view }]];
      let content: OutMessage['content'];
      if (stage === 'announce') content = { key: `relief.notify.announce${who}`, params, buttons: showCode };
      else if (stage === 'morning' || stage === 'afternoon') {
        const code = await codeFor(trx, c.recipientId, month);
        content = { key: `relief.notify.${stage}${who}`, params: { ...params, code }, buttons: showCode };
      } else {
        const buttons = [[{ key: 'relief.btn.later', data: CB.later(c.recipientId, month) }]];
        if (c.as === 'self') buttons.push([{ key: 'relief.btn.nameProxy', data: CB.nameProxy(c.recipientId) }]);
        content = { key: `relief.notify.noShow${who}`, params: { ...params, until: dateLabel(makeupUntil) }, buttons };
      }
      const dedupeKey = `relief:${stage}:${month}:${c.recipientId}:${c.userId}`;
      out.push({ dedupeKey, chatId: c.userId, userId: c.userId, category: 'personal', content });
    }
    return out;
  }

  return {
    /**
     * The catch-up job: queues whatever stage of last, this or next month's cycle is due at `now` and was not queued
     * yet. Each stage queued is recorded with its messages, so a later run (every five minutes, for days) reads one
     * small table and builds nothing again, even after the outbox has forgotten the rows. Returns how many
     * messages were new.
     */
    async runCycle(now: Date): Promise<number> {
      const s = await store.getSettings(db);
      const thisMonth = monthOf(localDate(now, policy.timezone));
      const due: { month: string; stage: Stage }[] = [];
      for (const month of [addMonths(thisMonth, -1), thisMonth, addMonths(thisMonth, 1)]) {
        const { windows } = schedule(month, s, policy);
        for (const stage of STAGES) if (inWindow(windows[stage], now)) due.push({ month, stage });
      }
      const done = await store.cycleRunsDone(db, due);
      let queued = 0;
      for (const { month, stage } of due) {
        if (done.has(`${month}:${stage}`)) continue;
        // Codes made for the reminders, the messages quoting them and the record of the stage are written together.
        queued += await db.transaction().execute(async (trx) => {
          // Asked again inside the transaction: two runs at once queue a stage once.
          if ((await store.cycleRunsDone(trx, [{ month, stage }])).has(`${month}:${stage}`)) return 0;
          const msgs = await stageMessages(trx, stage, month, s);
          await store.recordCycleRun(trx, month, stage, now.toISOString(), msgs.length);
          return outbox.enqueue(trx, msgs, now);
        });
      }
      return queued;
    },
  };
}
