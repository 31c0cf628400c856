import { bilingual } from '../../../core/names';
import type { DbOrTx } from '../../../db/schema';
import type { OutContent } from '../../../outbox/service';
import type { Community } from '../../residents/service';
import { CB } from '../callbacks';
import type { Petition } from '../store';
import * as store from '../store';
import type { Parts } from './parts';

/**
 * A petition from an area no deputy answers for goes to staff (notify.handlers); the admins are told once that the
 * area is uncovered, with a button to the deputies' areas. The area is the whole community when nobody answers for
 * any of it, else the petition's category there. An assignment in the community clears it (service/deputies.ts), so
 * should the area lose its deputy again, the admins are told again.
 */
export async function tellIfUncovered(
  { identity, outbox, notify }: Pick<Parts, 'identity' | 'outbox' | 'notify'>,
  trx: DbOrTx,
  p: Petition,
  community: Community | undefined,
  now: Date,
): Promise<void> {
  if (p.communityId === null || !community) return;
  const who = notify.recipients(trx);
  if ((await who.deputies(p)).length > 0) return;
  const whole = !(await who.anyDeputyIn(p.communityId));
  const area = whole ? '*' : p.category;
  if (!(await store.markUncovered(trx, p.communityId, area, now.toISOString()))) return;
  const content: OutContent = {
    key: whole ? 'petitions.uncovered.community' : 'petitions.uncovered.category',
    params: { community: bilingual(community), category: bilingual(p.categoryName), id: p.id },
    buttons: [[{ key: 'petitions.uncovered.assign', data: CB.deputies(0) }]],
  };
  const admins = await identity.withRoles(['admin'], trx);
  await outbox.enqueue(
    trx,
    admins.map((a) => ({
      dedupeKey: `petitions:uncovered:${p.communityId}:${area}:${p.id}:${a.id}`,
      chatId: a.id,
      userId: a.id,
      category: 'staff' as const,
      content,
    })),
    now,
  );
}
