import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { flatComposer } from '../../../../telegram/flat-chains';
import type { PetitionsService } from '../../service';
import { filingBot } from './filing';
import { followingBot } from './following';

/** Residents: filing a petition, then following it (co-signing, adding, chasing, feedback). */
export function residentBot(petitions: PetitionsService, platform: Pick<Platform, 'telegram'>) {
  const following = followingBot(petitions, platform);
  return {
    composer: flatComposer<BotContext>(filingBot(petitions, platform), following.composer),
    openDeepLink: following.openDeepLink,
  };
}
