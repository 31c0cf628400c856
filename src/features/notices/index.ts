import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { composeBot } from './bot-compose';
import { manageBot } from './bot-manage';
import { noticeJobs } from './jobs';
import type { AreaAudiences } from './service';

/** Every audience the installed areas offer (Feature.audiences), e.g. market.booked, relief.recipients. */
export function collectAudiences(features: readonly Feature[]): AreaAudiences {
  return Object.assign({}, ...features.map((f) => f.audiences ?? {}));
}

/**
 * Staff broadcasts. Takes the feature list (lazily: it contains this feature) so that audiences of other areas are
 * found without importing them.
 */
export function createNoticesFeature(allFeatures: () => readonly Feature[]): Feature {
  const areas = () => collectAudiences(allFeatures());
  return {
    name: 'notices',
    composer: new Composer<BotContext>(composeBot(areas), manageBot(areas)),
    commands: [
      { command: 'broadcast', descKey: 'notices.commands.broadcast', scope: 'staff' },
      { command: 'broadcasts', descKey: 'notices.commands.broadcasts', scope: 'staff' },
    ],
    jobs: (deps) => noticeJobs(deps, areas),
  };
}
