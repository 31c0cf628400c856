import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { directoryBot } from './bot';
import { partnersStaffBot } from './bot-staff';
import { volunteersBot } from './bot-volunteers';
import { seedDemoPartners, seedDemoTeams } from './seed';
import { allApprovedVolunteers } from './volunteers';

/** Partner directory and volunteer teams; reached from the fund's menu button and by command. */
export const partnersFeature: Feature = {
  name: 'partners',
  composer: new Composer<BotContext>(directoryBot, volunteersBot, partnersStaffBot),
  commands: [
    { command: 'partners', descKey: 'partners.commands.partners', scope: 'all' },
    { command: 'volunteer', descKey: 'partners.commands.volunteer', scope: 'all' },
    { command: 'shifts', descKey: 'partners.commands.shifts', scope: 'all' },
    { command: 'hours', descKey: 'partners.commands.hours', scope: 'all' },
    { command: 'volunteers', descKey: 'partners.commands.volunteers', scope: 'staff' },
  ],
  audiences: {
    'fund.volunteers': { labelKey: 'partners.audience.volunteers', userIds: (db) => allApprovedVolunteers(db) },
  },
  seedDemo: async ({ db, clock }) => {
    const p = await seedDemoPartners(db, clock.now());
    const t = await seedDemoTeams(db, clock.now());
    return `partners: ${p} new demo partners (乐乐超市, 社工中心, 高校志愿者…), ${t} new teams (帮困服务队, 便民服务队, 公益联盟)`;
  },
};
