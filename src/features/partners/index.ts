import { hasAny } from '../../identity';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import { catalogueBot } from './bot/catalogue';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { CB } from './callbacks';
import { messageFlow, partnerEditFlow, partnerFlow, shiftFlow, teamFlow } from './flows';
import { partnersJobs } from './jobs';
import { createPartnersService } from './service';

export type { PartnersService } from './service';

/** Partner directory and volunteer teams; reached from the fund's card and by command. */
export function createPartners(platform: Platform) {
  const service = createPartnersService(platform);
  const feature: Feature = {
    name: 'partners',
    composer: flatComposer<BotContext>(residentBot(service), staffBot(service, platform), catalogueBot(service)),
    commands: [
      { command: 'partners', descKey: 'partners.commands.partners', scope: 'all' },
      { command: 'volunteer', descKey: 'partners.commands.volunteer', scope: 'all' },
      { command: 'shifts', descKey: 'partners.commands.shifts', scope: 'all' },
      { command: 'hours', descKey: 'partners.commands.hours', scope: 'all' },
      { command: 'volunteers', descKey: 'partners.commands.volunteers', scope: 'staff' },
    ],
    flows: [messageFlow, shiftFlow, teamFlow, partnerFlow, partnerEditFlow],
    workbench: {
      todos: async (_user, roles) =>
        hasAny(roles, ['staff'])
          ? [{ key: 'partners.todo.signUps', count: await service.countPendingApplications(), data: CB.desk }]
          : [],
      tasks: [
        { key: 'partners.task.volunteers', data: CB.desk, roles: ['staff'], order: 50 },
        { key: 'partners.task.partners', data: CB.catalogue(0), roles: ['staff'], order: 51 },
        { key: 'partners.task.teams', data: CB.staffTeams(0), roles: ['staff'], order: 52 },
      ],
    },
    jobs: partnersJobs(),
    // The key keeps its old name: broadcasts already sent to this audience record it.
    audiences: {
      'fund.volunteers': { labelKey: 'partners.audience.volunteers', userIds: () => service.approvedVolunteers() },
    },
    demo: async () => {
      const p = await service.loadDemoPartners();
      const t = await service.loadDemoTeams();
      const teams = '帮困服务队, 便民服务队, 公益联盟';
      return `partners: ${p} new demo partners (乐乐超市, 社工中心, 高校志愿者…), ${t} new teams (${teams})`;
    },
  };
  return { service, feature };
}
