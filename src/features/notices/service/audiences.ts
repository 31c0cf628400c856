import { bilingual } from '../../../core/names';
import type { Param } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import { type AreaAudiences, type Audience, parseAudience } from '../audience';
import { UnknownAudience } from '../errors';
import * as store from '../store';

export interface AudienceSummary {
  recipients: number;
  /** Among the recipients: blocked the bot; their rows are shown as unreachable, not failed. */
  unreachable: number;
  /** Residents of the place left out because they turned general notices off. */
  optedOut: number;
}

/** The residents area's places: to offer, check and name a community or compound audience. */
export type Places = Pick<ResidentsService, 'communities' | 'compounds' | 'community' | 'compound'>;

/** Who is in an audience, how it reads, and what the preview says about it. */
export function createAudiences(
  { db, identity, clock }: Pick<Platform, 'db' | 'identity' | 'clock'>,
  places: Places,
  areas: () => AreaAudiences,
) {
  async function placeFilter(a: Audience): Promise<store.PlaceFilter> {
    if (a.kind === 'community') {
      if (!(await places.community(a.id))) throw new UnknownAudience();
      return { communityId: a.id };
    }
    if (a.kind === 'compound') {
      if (!(await places.compound(a.id))) throw new UnknownAudience();
      return { compoundId: a.id };
    }
    return {};
  }

  const isPlace = (a: Audience) => a.kind === 'all' || a.kind === 'community' || a.kind === 'compound';

  /** Recipients chosen by role or by another area: a short list, asked of whoever keeps it. */
  async function listed(a: Audience, now: Date): Promise<number[]> {
    let ids: number[];
    if (a.kind === 'role') {
      // Admins do everything staff do, so a message to staff reaches them too.
      const users = a.role === 'staff' ? await identity.staffAndAdmins() : await identity.withRoles([a.role]);
      ids = users.map((u) => u.id);
    } else {
      const area = a.kind === 'area' ? areas()[a.key] : undefined;
      if (!area) throw new UnknownAudience();
      ids = await area.userIds(now);
    }
    return [...new Set(ids)].sort((x, y) => x - y);
  }

  /** Telegram user ids that would receive a broadcast to this audience now, each once, in id order. */
  async function recipientsOf(a: Audience, now = clock.now()): Promise<number[]> {
    return isPlace(a) ? store.noticeTakers(db, await placeFilter(a)) : listed(a, now);
  }

  /**
   * One batch of a broadcast's recipients: the next `limit` after user `after`, up to user `upto`, in id order.
   * Read outside any transaction: other areas answer from their own services.
   */
  async function batchOf(a: Audience, range: { after: number; upto: number; limit: number }, now = clock.now()) {
    if (isPlace(a)) return store.noticeTakersPage(db, await placeFilter(a), range);
    return (await listed(a, now)).filter((id) => id > range.after && id <= range.upto).slice(0, range.limit);
  }

  async function summarize(a: Audience, now = clock.now()): Promise<AudienceSummary> {
    if (isPlace(a)) {
      const f = await placeFilter(a);
      const { all, unreachable } = await store.noticeTakersCount(db, f);
      return { recipients: all, unreachable, optedOut: await store.optedOutCount(db, f) };
    }
    const ids = await listed(a, now);
    return { recipients: ids.length, unreachable: await store.unreachableAmong(db, ids), optedOut: 0 };
  }

  /** The audience (by its stored code) as a message parameter, translated for whoever reads it. */
  async function describe(code: string): Promise<Param> {
    const a = parseAudience(code);
    const unknown = { $t: 'notices.audience.unknown' };
    if (!a) return unknown;
    switch (a.kind) {
      case 'all':
        return { $t: 'notices.audience.all' };
      case 'community':
      case 'compound': {
        const place = a.kind === 'community' ? await places.community(a.id) : await places.compound(a.id);
        return place ? { $t: `notices.audience.${a.kind}`, params: { name: bilingual(place) } } : unknown;
      }
      case 'role':
        return { $t: `notices.audience.${a.role}` };
      case 'area': {
        const area = areas()[a.key];
        return area ? { $t: area.labelKey } : unknown;
      }
    }
  }

  return {
    /** The audiences other areas offer, by key (e.g. market.booked). */
    areaAudiences: areas,
    recipientsOf,
    batchOf,
    summarize,
    describe,
  };
}

export type Audiences = ReturnType<typeof createAudiences>;
