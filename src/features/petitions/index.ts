import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import type { ResidentsService } from '../residents/service';
import { catalogueBot } from './bot/catalogue';
import { deputiesBot } from './bot/deputies';
import { deputyBot } from './bot/deputy';
import { limitsBot } from './bot/limits';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { DEEP_LINK } from './callbacks';
import { petitionsCli } from './cli';
import { seedDemoPetitions } from './demo';
import { petitionFlows } from './flows';
import { petitionsJobs } from './jobs';
import { createPetitionsService } from './service';
import { petitionsWorkbench } from './workbench';

/** The set-up step's id (not a locale key: locales.test reads `key: '…'` literals as keys). */
const LIMITS_STEP = 'petitions.limits';

/** Residents petition their deputies; deputies and staff answer, within time limits everyone can see. */
export function createPetitions(platform: Platform, deps: { residents: ResidentsService }) {
  const service = createPetitionsService(platform, deps);
  const resident = residentBot(service, platform);
  const limits = limitsBot(service);
  const feature: Feature = {
    name: 'petitions',
    composer: flatComposer<BotContext>(
      resident.composer,
      deputyBot(service, deps.residents),
      staffBot(service),
      catalogueBot(service),
      deputiesBot(service, deps.residents, platform),
      limits.composer,
    ),
    commands: [
      { command: 'petition', descKey: 'petitions.commands.petition', scope: 'all' },
      { command: 'mypetitions', descKey: 'petitions.commands.mypetitions', scope: 'all' },
      { command: 'petitions', descKey: 'petitions.commands.petitions', scope: 'deputy' },
      { command: 'meeting', descKey: 'petitions.commands.meeting', scope: 'deputy' },
      { command: 'petitionstats', descKey: 'petitions.commands.petitionstats', scope: 'staff' },
      { command: 'deputies', descKey: 'petitions.commands.deputies', scope: 'admin' },
    ],
    menu: [
      { key: 'petitions.menu.report', order: 30 },
      { key: 'petitions.menu.mine', order: 31 },
    ],
    flows: petitionFlows,
    workbench: petitionsWorkbench(service),
    setup: [
      {
        key: LIMITS_STEP,
        order: 70,
        titleKey: 'petitions.limits.title',
        isDone: async () => service.limitsSet(),
        start: limits.start,
      },
    ],
    jobs: petitionsJobs(service),
    deepLinks: { [DEEP_LINK]: resident.openDeepLink },
    demo: async () => {
      const n = await seedDemoPetitions(platform, deps.residents, service.policy);
      return `petitions: departments and ${n} new demo petitions (肖明组 culvert, fire exit, street light)`;
    },
    cli: petitionsCli(service),
  };
  return { service, feature };
}
