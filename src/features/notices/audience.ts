import type { Category } from '../../outbox/service';

/** What another area offers as a broadcast audience (Feature.audiences): a label and who is in it now. */
export interface AreaAudience {
  labelKey: string;
  userIds(now: Date): Promise<number[]>;
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

export const isAudienceRole = (s: string): s is AudienceRole => (AUDIENCE_ROLES as readonly string[]).includes(s);

/** The stored form read back strictly: anything else is no audience at all. */
export function parseAudience(code: string): Audience | null {
  if (code === 'all') return { kind: 'all' };
  let m = /^community:(\d{1,9})$/.exec(code);
  if (m) return { kind: 'community', id: Number(m[1]) };
  m = /^compound:(\d{1,9})$/.exec(code);
  if (m) return { kind: 'compound', id: Number(m[1]) };
  const role = /^role:(\w+)$/.exec(code)?.[1];
  if (role !== undefined) return isAudienceRole(role) ? { kind: 'role', role } : null;
  m = /^x:([a-z]+\.[A-Za-z]+)$/.exec(code);
  if (m) return { kind: 'area', key: m[1]! };
  return null;
}

/**
 * General notices respect the resident's opt-out; role messages are work; area audiences are about the resident's
 * own booking or pickup.
 */
export function categoryOf(a: Audience): Category {
  return a.kind === 'role' ? 'staff' : a.kind === 'area' ? 'personal' : 'notice';
}
