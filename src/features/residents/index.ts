import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { residentsBot } from './bot';
import { rolesBot } from './roles-bot';
import { seedDemoPlaces } from './service';

export { greet } from './bot';
export { redeemInvitationLink } from './roles-bot';

export const residentsFeature: Feature = {
  name: 'residents',
  composer: new Composer<BotContext>(residentsBot, rolesBot),
  commands: [
    { command: 'start', descKey: 'residents.commands.start', scope: 'all' },
    { command: 'me', descKey: 'residents.commands.me', scope: 'all' },
    { command: 'lang', descKey: 'residents.commands.lang', scope: 'all' },
    { command: 'help', descKey: 'residents.commands.help', scope: 'all' },
    { command: 'cancel', descKey: 'residents.commands.cancel', scope: 'all' },
    { command: 'invite', descKey: 'residents.commands.invite', scope: 'staff' },
    { command: 'roles', descKey: 'residents.commands.roles', scope: 'admin' },
  ],
  menu: [
    { key: 'residents.menu.me', order: 90 },
    { key: 'residents.menu.help', order: 95 },
  ],
  seedDemo: async ({ db }) => {
    await seedDemoPlaces(db);
    return 'residents: 月塘街道 communities and compounds';
  },
};
