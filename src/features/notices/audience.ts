import { DomainError } from '../../core/errors';
import type { Db, DbOrTx } from '../../db/schema';
import type { Category, Param } from '../delivery/service';
import * as residents from '../residents/service';
import * as store from './store';

export class UnknownAudience extends DomainError {
  constructor() {
    super('notices.unknownAudience');
  }
}

/** What another area offers as a broadcast audience (Feature.audiences); only the ids matter here. */
export interface AreaAudience {
  labelKey: string;
  userIds(db: Db, now: Date): Promise<number[]>;
}
export type AreaAudiences = Readonly<Record<string, AreaAudience>>;

export const AUDIENCE_ROLES = ['staff', 'deputy', 'partner'] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

export type Audience =
  | { kind: 'all' }
  | { kind: 'community'; id: number }
  | { kind: 'compound'; id: number }
  | { kind: 'role'; role: AudienceRole }
  | { kind: 'area'; key: string };

/** Stored form: all | community:3 | compound:5 | role:staff | x:market.booked */
export function audienceCode(a: Audience): string {
  switch (a.kind) {
    case 'all':
      return 'all';
    case 'community':
      return `community:${a.id}`;
    case 'compound':
      return `compound:${a.id}`;
    case 'role':
      return `role:${a.role}`;
    case 'area':
      return `x:${a.key}`;
  }
}

export function parseAudience(code: string): Audience | null {
  if (code === 'all') return { kind: 'all' };
  let m = /^(community|compound):(\d{1,9})$/.exec(code);
  if (m) return { kind: m[1] as 'community' | 'compound', id: Number(m[2]) };
  m = /^role:(staff|deputy|partner)$/.exec(code);
  if (m) return { kind: 'role', role: m[1] as AudienceRole };
  m = /^x:([a-z]+\.[A-Za-z]+)$/.exec(code);
  if (m) return { kind: 'area', key: m[1]! };
  return null;
}

/** General notices respect the resident's opt-out; role messages are work, area audiences are about the resident's own booking or pickup. */
export function categoryOf(a: Audience): Category {
  return a.kind === 'role' ? 'staff' : a.kind === 'area' ? 'personal' : 'notice';
}

async function placeFilter(db: DbOrTx, a: Audience): Promise<{ communityId?: number; compoundId?: number }> {
  if (a.kind === 'community') {
    if (!(await residents.findCommunity(db, a.id))) throw new UnknownAudience();
    return { communityId: a.id };
  }
  if (a.kind === 'compound') {
    if (!(await residents.findCompound(db, a.id))) throw new UnknownAudience();
    return { compoundId: a.id };
  }
  return {};
}

/** Telegram user ids that would receive a broadcast to this audience now, each once, in id order. */
export async function recipientsOf(db: DbOrTx, a: Audience, areas: AreaAudiences, now: Date): Promise<number[]> {
  if (a.kind === 'all' || a.kind === 'community' || a.kind === 'compound') {
    return store.residentIds(db, { ...(await placeFilter(db, a)), excludeOptedOut: true });
  }
  let ids: number[];
  if (a.kind === 'role') {
    // Admins do everything staff do, so a message to staff reaches them too.
    const roles = a.role === 'staff' ? (['staff', 'admin'] as const) : [a.role];
    ids = (await Promise.all(roles.map((r) => residents.usersWithRole(db, r)))).flat().map((u) => u.id);
  } else {
    const area = areas[a.key];
    if (!area) throw new UnknownAudience();
    ids = await area.userIds(db, now);
  }
  return [...new Set(ids)].sort((x, y) => x - y);
}

export interface AudienceSummary {
  recipients: number;
  /** Among the recipients: blocked the bot; their rows are shown as unreachable, not failed. */
  unreachable: number;
  /** Residents of the place left out because they turned general notices off. */
  optedOut: number;
}

export async function summarizeAudience(
  db: DbOrTx,
  a: Audience,
  areas: AreaAudiences,
  now: Date,
): Promise<AudienceSummary> {
  const ids = await recipientsOf(db, a, areas, now);
  const optedOut = categoryOf(a) === 'notice' ? await store.optedOutCount(db, await placeFilter(db, a)) : 0;
  return { recipients: ids.length, unreachable: await store.unreachableAmong(db, ids), optedOut };
}

/** The audience as a message parameter, translated for whoever reads it. */
export async function describeAudience(db: DbOrTx, code: string, areas: AreaAudiences): Promise<Param> {
  const a = parseAudience(code);
  if (!a) return { $t: 'notices.audience.unknown' };
  switch (a.kind) {
    case 'all':
      return { $t: 'notices.audience.all' };
    case 'community':
    case 'compound': {
      const place =
        a.kind === 'community' ? await residents.findCommunity(db, a.id) : await residents.findCompound(db, a.id);
      if (!place) return { $t: 'notices.audience.unknown' };
      return { $t: `notices.audience.${a.kind}`, params: { name: { 'zh-CN': place.name_zh, en: place.name_en } } };
    }
    case 'role':
      return { $t: `notices.audience.${a.role}` };
    case 'area':
      return areas[a.key] ? { $t: areas[a.key]!.labelKey } : { $t: 'notices.audience.unknown' };
  }
}
