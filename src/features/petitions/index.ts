import { Composer } from 'grammy';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import type { ResidentsService } from '../residents/service';
import { deputyBot } from './bot/deputy';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { DEEP_LINK } from './callbacks';
import { petitionsCli } from './cli';
import { seedDemoPetitions } from './demo';
import { petitionFlows } from './flows';
import { petitionsJobs } from './jobs';
import { createPetitionsService } from './service';

/** Residents petition their deputies; deputies and staff answer, within time limits everyone can see. */
export function createPetitions(platform: Platform, deps: { residents: ResidentsService }) {
  const service = createPetitionsService(platform, deps);
  const resident = residentBot(service, platform);
  const feature: Feature = {
    name: 'petitions',
    composer: new Composer<BotContext>(
      resident.composer,
      deputyBot(service, deps.residents),
      staffBot(service, deps.residents),
    ),
    commands: [
      { command: 'petition', descKey: 'petitions.commands.petition', scope: 'all' },
      { command: 'mypetitions', descKey: 'petitions.commands.mypetitions', scope: 'all' },
      { command: 'petitions', descKey: 'petitions.commands.petitions', scope: 'deputy' },
      { command: 'meeting', descKey: 'petitions.commands.meeting', scope: 'deputy' },
      { command: 'petitionstats', descKey: 'petitions.commands.petitionstats', scope: 'staff' },
      { command: 'deputies', descKey: 'petitions.commands.deputies', scope: 'staff' },
    ],
    menu: [
      { key: 'petitions.menu.report', order: 30 },
      { key: 'petitions.menu.mine', order: 31 },
    ],
    flows: petitionFlows,
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
