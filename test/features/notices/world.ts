import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import type { AreaAudience, Audience } from '../../../src/features/notices/audience';
import { type Draft, newDraftKey } from '../../../src/features/notices/draft';
import { createNoticesService, type NoticesService } from '../../../src/features/notices/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { type RecordingTelegram, recordingTelegram, testPlatform } from '../../support/platform';

// The notices service tests' small world: two communities' residents, one of each role, a clock at t0.

export const t0 = new Date('2026-11-29T02:00:00Z'); // 10:00 in Shanghai

export interface World {
  h: DbHandle;
  platform: Platform;
  telegram: RecordingTelegram;
  residents: ResidentsService;
  notices: NoticesService;
  /** The audiences "other areas" offer; a test adds to it. */
  areas: Record<string, AreaAudience>;
  compounds: Awaited<ReturnType<ResidentsService['compounds']>>;
}

/**
 * Residents 1 and 2 live in the first compound, 3 in another compound of its community, 4 in the other community;
 * 5 turned general notices off, 6 blocked the bot. 100 is staff (notices off), 101 admin, 102 deputy, 103 partner.
 */
export async function noticesWorld(opts: { expandBatch?: number } = {}): Promise<World> {
  const h = await freshDb();
  const telegram = recordingTelegram();
  const platform = testPlatform(h.db, { clock: new ManualClock(t0), telegram });
  const residents = createResidentsService(platform);
  const areas: Record<string, AreaAudience> = {};
  const notices = createNoticesService(platform, { residents, audiences: () => areas, ...opts });
  await seedDemoPlaces(h.db);
  const compounds = await residents.compounds();
  const resident = async (id: number, compound: number, opts: { optOut?: boolean; unreachable?: boolean } = {}) => {
    await platform.identity.touch({ id, first_name: `R${id}` });
    await residents.setHome(id, compound);
    if (opts.optOut) await platform.identity.setNoticesOptOut(id, true);
    if (opts.unreachable) await platform.identity.setReachable(id, false);
  };
  const [a, b] = [compounds[0]!, compounds.find((c) => c.communityId !== compounds[0]!.communityId)!];
  const a2 = compounds.find((c) => c.communityId === a.communityId && c.id !== a.id)!;
  await resident(1, a.id);
  await resident(2, a.id);
  await resident(3, a2.id);
  await resident(4, b.id);
  await resident(5, a.id, { optOut: true });
  await resident(6, b.id, { unreachable: true });
  await platform.identity.grant(null, 100, 'staff');
  await platform.identity.grant(null, 101, 'admin');
  await platform.identity.grant(null, 102, 'deputy');
  await platform.identity.grant(null, 103, 'partner');
  await platform.identity.setNoticesOptOut(100, true);
  return { h, platform, telegram, residents, notices, areas, compounds };
}

export const draft = (text = '停水通知：明天 8:00-12:00 <维修>', extra: Partial<Draft> = {}): Draft => ({
  key: newDraftKey(),
  text,
  entities: [{ type: 'bold', offset: 0, length: 4 }],
  photo: null,
  ...extra,
});

/** Confirms a broadcast the way the confirm button does (staff member 100 unless said otherwise). */
export const create = (
  w: World,
  d: Draft,
  audience: Audience,
  opts: { sendAt?: Date | null; progressMessageId?: number | null; actorId?: number } = {},
) =>
  w.notices.createBroadcast({
    draft: d,
    actorId: opts.actorId ?? 100,
    audience,
    sendAt: opts.sendAt ?? null,
    progressMessageId: opts.progressMessageId ?? null,
  });

/** A broadcast's outbox rows, in recipient order. */
export const rowsOf = async (w: World, id: number) =>
  (await w.platform.outbox.list({ broadcastId: id })).sort((x, y) => x.userId! - y.userId!);
