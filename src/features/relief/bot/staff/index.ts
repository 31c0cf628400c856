import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { flatComposer } from '../../../../telegram/flat-chains';
import type { ReliefService } from '../../service';
import { checkinBot } from './checkin';
import { rosterBot } from './roster';
import { settingsBot } from './settings';
import { supermarketBot } from './supermarket';
import { workBot } from './work';

/**
 * Everything staff do for the relief pickup; each composer guards every command, button and flow step itself.
 * `startSupermarket` is the set-up walk-through's step.
 */
export function staffBot(relief: ReliefService, platform: Pick<Platform, 'clock' | 'telegram'>) {
  const supermarket = supermarketBot(relief);
  const composer = flatComposer<BotContext>(
    rosterBot(relief, platform),
    checkinBot(relief, platform),
    settingsBot(relief, platform),
    supermarket.composer,
    workBot(relief),
  );
  return { composer, startSupermarket: supermarket.start };
}
