import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import type { SetupStep } from '../../telegram/workbench';
import type { ResidentsService } from '../residents/service';
import { setupBot } from './bot/admin';
import { CB } from './callbacks';
import { setupDemo } from './demo';
import { setupJobs } from './jobs';
import { createSetupService } from './service';

/**
 * Setting the sub-district up in the chat (issue 15): on an empty database the first admin is walked through every
 * area's set-up step in order; ⚙️ 设置 lists them all, with their state, to do again. Residents who write before it
 * is finished are told it is being prepared and greeted when it is.
 */
export function createSetup(
  platform: Platform,
  deps: {
    features: () => readonly Feature[];
    residents: ResidentsService;
    /** The residents' own greeting (onboarding), shown once the sub-district is ready. */
    greet: (ctx: BotContext) => Promise<void>;
  },
) {
  const service = createSetupService(platform, {
    steps: () => deps.features().flatMap((f): SetupStep[] => f.setup ?? []),
    hasPlaces: () => deps.residents.hasPlaces(),
    ownCommunities: () => deps.residents.ownCommunities(),
    readyNotice: () => deps.residents.readyNotice(),
  });
  const bot = setupBot(service, deps.greet);
  const feature: Feature = {
    name: 'setup',
    composer: bot.composer,
    commands: [{ command: 'setup', descKey: 'setup.commands.setup', scope: 'admin' }],
    menu: [{ key: 'setup.menu.button', order: 3, roles: ['admin'] }],
    greet: bot.greet,
    jobs: setupJobs(),
    workbench: { tasks: [{ key: 'setup.task', data: CB.menu, roles: ['admin'], order: 95 }] },
    demo: () => setupDemo(platform.settings, () => platform.clock.now()),
  };
  return { service, feature };
}
