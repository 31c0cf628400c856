import { addDays, localDate, zonedToUtc } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { enqueue, type OutMessage, type Param } from '../delivery/service';
import { usersWithRole } from '../residents/service';
import { addMonths, dateLabel, monthLabel, monthOf } from './calendar';
import { CB } from './callbacks';
import { codeFor, festivalsFor, type Policy, pickupDate } from './settings';
import type { HolidayRow, SettingsRow } from './store';
import * as store from './store';

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
export function schedule(
  month: string,
  s: SettingsRow,
  p: Policy,
): { pickupDate: string; makeupUntil: string; windows: Record<Stage, Window> } {
  const day = pickupDate(month, s);
  const at = (date: string, time: string) => zonedToUtc(date, time, p.timezone);
  const announce = at(addDays(day, -p.announceDaysBefore), p.announceTime);
  const morning = at(day, p.morningTime);
  const afternoon = at(day, p.afternoonTime);
  const evening = at(day, p.eveningTime);
  const summary = at(addDays(day, 1), p.summaryTime);
  return {
    pickupDate: day,
    makeupUntil: addDays(day, s.makeup_days),
    windows: {
      announce: { from: announce, until: morning },
      morning: { from: morning, until: afternoon },
      afternoon: { from: afternoon, until: evening },
      evening: { from: evening, until: summary },
      // Staff want the numbers even if the bot was down that morning; after three days the report is the place.
      summary: { from: summary, until: at(addDays(day, 4), p.summaryTime) },
    },
  };
}

const inWindow = (w: Window, now: Date) => now >= w.from && now < w.until;

/** Per-language festival line for messages; '' when the month has none. */
export function festivalParam(holidays: HolidayRow[]): Param {
  if (holidays.length === 0) return '';
  return {
    $t: 'relief.notify.festivalLine',
    params: {
      names: { 'zh-CN': holidays.map((h) => h.name_zh).join('、'), en: holidays.map((h) => h.name_en).join(', ') },
      extras: { 'zh-CN': holidays.map((h) => h.extras_zh).join('、'), en: holidays.map((h) => h.extras_en).join('; ') },
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
  const out: Contact[] = recipients
    .filter((r) => r.user_id !== null)
    .map((r) => ({ recipientId: r.id, name: r.name, userId: r.user_id!, as: 'self' as const }));
  for (const p of await store.linkedProxies(db)) {
    const name = names.get(p.recipient_id);
    if (name !== undefined) out.push({ recipientId: p.recipient_id, name, userId: p.user_id!, as: 'proxy' });
  }
  return out;
}

/** Staff chat if configured, else every staff member and admin. */
export async function staffChats(db: DbOrTx, p: Policy): Promise<{ chatId: number; userId: number | null }[]> {
  if (p.staffChatId !== undefined) return [{ chatId: p.staffChatId, userId: null }];
  const ids = new Set([...(await usersWithRole(db, 'staff')), ...(await usersWithRole(db, 'admin'))].map((u) => u.id));
  return [...ids].sort((a, b) => a - b).map((id) => ({ chatId: id, userId: id }));
}

/** Names in a staff message are capped so it stays under Telegram's limit; the report has the full list. */
export const MAX_NAMES = 120;

async function stageMessages(
  db: DbOrTx,
  stage: Stage,
  month: string,
  s: SettingsRow,
  p: Policy,
): Promise<OutMessage[]> {
  const { pickupDate: day, makeupUntil } = schedule(month, s, p);
  const collected = new Set((await store.pickupsOfMonth(db, month)).map((x) => x.recipient_id));
  const common = {
    date: dateLabel(day),
    hours: `${s.hours_from}–${s.hours_to}`,
    place: { 'zh-CN': s.place_zh, en: s.place_en },
  };
  if (stage === 'summary') {
    const active = await store.listRecipients(db, true);
    const missing = active.filter((r) => !collected.has(r.id));
    const later = new Set(await store.laterOfMonth(db, month));
    const pickups = await store.pickupsOfMonth(db, month);
    const names = missing
      .slice(0, MAX_NAMES)
      .map((r) => (later.has(r.id) ? `${r.name}*` : r.name))
      .join('、');
    const more =
      missing.length > MAX_NAMES ? { $t: 'relief.notify.andMore', params: { n: missing.length - MAX_NAMES } } : '';
    return (await staffChats(db, p)).map((c) => ({
      dedupeKey: `relief:summary:${month}:${c.chatId}`,
      chatId: c.chatId,
      userId: c.userId,
      category: 'staff' as const,
      content: {
        key: 'relief.notify.summary',
        params: {
          month: monthLabel(month),
          collected: pickups.length,
          total: active.length + pickups.filter((x) => !active.some((r) => r.id === x.recipient_id)).length,
          byProxy: pickups.filter((x) => x.proxy_name !== null).length,
          missingCount: missing.length,
          later: later.size,
          names: names || '—',
          more,
        },
      },
    }));
  }
  const festival = festivalParam(await festivalsFor(db, month, s));
  const out: OutMessage[] = [];
  for (const c of await contacts(db, collected)) {
    const base = {
      dedupeKey: `relief:${stage}:${month}:${c.recipientId}:${c.userId}`,
      chatId: c.userId,
      userId: c.userId,
      category: 'personal' as const,
    };
    const who = c.as === 'proxy' ? 'Proxy' : '';
    const params = { ...common, name: c.name, festival };
    if (stage === 'announce') {
      out.push({
        ...base,
        content: {
          key: `relief.notify.announce${who}`,
          params,
          buttons: [[{ key: 'relief.btn.showCode', data: CB.view }]],
        },
      });
    } else if (stage === 'morning' || stage === 'afternoon') {
      const code = await codeFor(db, c.recipientId, month);
      out.push({
        ...base,
        content: {
          key: `relief.notify.${stage}${who}`,
          params: { ...params, code },
          buttons: [[{ key: 'relief.btn.showCode', data: CB.view }]],
        },
      });
    } else {
      const buttons = [[{ key: 'relief.btn.later', data: CB.later(c.recipientId, month) }]];
      if (c.as === 'self') buttons.push([{ key: 'relief.btn.nameProxy', data: CB.nameProxy(c.recipientId) }]);
      out.push({
        ...base,
        content: { key: `relief.notify.noShow${who}`, params: { ...params, until: dateLabel(makeupUntil) }, buttons },
      });
    }
  }
  return out;
}

/**
 * The catch-up job: queues whatever stage of last, this or next month's cycle is due at `now` and not yet
 * queued (dedupe keys make a second run harmless). Returns how many messages were new.
 */
export async function runCycle(db: Db, p: Policy, now: Date): Promise<number> {
  const s = await store.getSettings(db);
  const thisMonth = monthOf(localDate(now, p.timezone));
  let queued = 0;
  for (const month of [addMonths(thisMonth, -1), thisMonth, addMonths(thisMonth, 1)]) {
    const { windows } = schedule(month, s, p);
    for (const stage of STAGES) {
      if (!inWindow(windows[stage], now)) continue;
      // Codes made for the reminders and the messages quoting them are written together.
      queued += await db
        .transaction()
        .execute(async (trx) => enqueue(trx, await stageMessages(trx, stage, month, s, p), now));
    }
  }
  return queued;
}
