import { csvCell } from '../../core/csv';
import { zonedToUtc } from '../../core/time';
import type { DbOrTx } from '../../db/schema';
import { getUser, listCommunities, listCompounds } from '../residents/service';
import { isOpen } from './service';
import type { PetitionRow } from './store';
import * as store from './store';

/** The "three rates" of 12345 接诉即办, plus how fast. Rates are null when nothing was due yet. */
export interface Rates {
  filed: number;
  /** Acknowledged within the limit / petitions whose acknowledgement was due (or done). */
  responseRate: number | null;
  /** Resolved / petitions answered or past their answer limit. */
  resolutionRate: number | null;
  /** Mean of the 1–5 ratings, and the share of 4 or 5. */
  satisfaction: number | null;
  satisfiedRate: number | null;
  rated: number;
  medianAckHours: number | null;
  medianResolveDays: number | null;
  open: number;
  overdue: number;
}

const HOUR = 3_600_000;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export function rates(ps: PetitionRow[], now: Date): Rates {
  const at = now.toISOString();
  const ackDue = ps.filter((p) => p.acknowledged_at !== null || p.ack_due_at <= at);
  const ackInTime = ackDue.filter((p) => p.acknowledged_at !== null && p.acknowledged_at <= p.ack_due_at);
  const answerDue = ps.filter((p) => p.answered_at !== null || p.answer_due_at <= at);
  const resolved = answerDue.filter((p) => p.status === 'resolved');
  const ratings = ps.flatMap((p) => (p.satisfaction === null ? [] : [p.satisfaction]));
  return {
    filed: ps.length,
    responseRate: ratio(ackInTime.length, ackDue.length),
    resolutionRate: ratio(resolved.length, answerDue.length),
    satisfaction: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    satisfiedRate: ratio(ratings.filter((r) => r >= 4).length, ratings.length),
    rated: ratings.length,
    medianAckHours: median(
      ps.flatMap((p) => (p.acknowledged_at ? [(Date.parse(p.acknowledged_at) - Date.parse(p.created_at)) / HOUR] : [])),
    ),
    medianResolveDays: median(
      resolved.flatMap((p) =>
        p.answered_at ? [(Date.parse(p.answered_at) - Date.parse(p.created_at)) / (24 * HOUR)] : [],
      ),
    ),
    open: ps.filter(isOpen).length,
    overdue: ps.filter(
      (p) =>
        isOpen(p) &&
        ((p.acknowledged_at === null && p.ack_due_at <= at) || (p.answered_at === null && p.answer_due_at <= at)),
    ).length,
  };
}

export interface Responsiveness {
  overall: Rates;
  deputies: { userId: number; name: string; rates: Rates }[];
}

/** Per deputy (over the petitions of their assignments) and overall, for petitions filed in [from, to). */
export async function responsiveness(db: DbOrTx, from: string, to: string, now: Date): Promise<Responsiveness> {
  const ps = await store.petitionsFiledBetween(db, from, to);
  const byDeputy = new Map<number, { community_id: number; category: string | null }[]>();
  for (const a of await store.listAssignments(db)) byDeputy.set(a.user_id, [...(byDeputy.get(a.user_id) ?? []), a]);
  const deputies = [];
  for (const [userId, scope] of byDeputy) {
    const mine = ps.filter((p) =>
      scope.some((s) => s.community_id === p.community_id && (s.category === null || s.category === p.category)),
    );
    const u = await getUser(db, userId);
    deputies.push({
      userId,
      name: u ? [u.first_name, u.last_name].filter(Boolean).join(' ') : String(userId),
      rates: rates(mine, now),
    });
  }
  return { overall: rates(ps, now), deputies };
}

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
export const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));

/** Every petition as CSV for the office. No phone numbers: those stay with the handlers in the bot. */
export async function exportCsv(db: DbOrTx): Promise<string> {
  const communities = new Map((await listCommunities(db)).map((c) => [c.id, c.name_zh]));
  const compounds = new Map((await listCompounds(db)).map((c) => [c.id, c.name_zh]));
  const departments = new Map((await store.listDepartments(db)).map((d) => [d.id, d.name_zh]));
  const header = [
    'id',
    'created_at',
    'community',
    'compound',
    'category',
    'place',
    'latitude',
    'longitude',
    'description',
    'status',
    'department',
    'status_note',
    'ack_due_at',
    'acknowledged_at',
    'answer_due_at',
    'answered_at',
    'round',
    'cosigners',
    'occurrences',
    'solved',
    'satisfaction',
  ];
  const lines = [header.join(',')];
  for (const p of await store.listPetitions(db, {})) {
    const row = [
      p.id,
      p.created_at,
      communities.get(p.community_id ?? -1) ?? '',
      compounds.get(p.compound_id ?? -1) ?? '',
      p.category,
      p.place,
      p.latitude,
      p.longitude,
      p.description,
      p.status,
      departments.get(p.department_id ?? -1) ?? '',
      p.status_note,
      p.ack_due_at,
      p.acknowledged_at,
      p.answer_due_at,
      p.answered_at,
      p.round,
      await store.countCosigners(db, p.id),
      p.occurrences,
      p.solved,
      p.satisfaction,
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The instant a calendar month ('YYYY-MM') starts in the deployment time zone. */
export const monthStart = (month: string, tz: string) => zonedToUtc(`${month}-01`, '00:00', tz).toISOString();

/** 'YYYY-MM' of the month before. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
