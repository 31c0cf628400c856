import { Composer } from 'grammy';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { seedDemoPlaces } from './demo';
import { phoneFlow } from './flows';
import { residentsJobs } from './jobs';
import { createResidentsService } from './service';

/** Onboarding, places, the resident's own settings; invitations and roles. */
export function createResidents(platform: Platform) {
  const service = createResidentsService(platform);
  const resident = residentBot(service, platform);
  const staff = staffBot(platform.identity, platform);
  const feature: Feature = {
    name: 'residents',
    composer: new Composer<BotContext>(resident.composer, staff.composer),
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
    flows: [phoneFlow],
    jobs: residentsJobs(),
    greet: resident.greet,
    workbench: {
      imports: [
        {
          key: 'places',
          labelKey: 'residents.places.label',
          columnsKey: 'residents.places.columns',
          roles: ['admin'],
          check: (rows, t) => service.checkPlaces(rows, t),
          apply: (_actor, rows, done) => service.importPlaces(rows, platform.i18n.getFixedT('zh-CN'), done),
        },
      ],
      exports: [
        {
          key: 'places',
          labelKey: 'residents.places.label',
          roles: ['staff'],
          sheets: async (t) => [await service.placesSheet(t)],
          fileName: () => 'places',
        },
      ],
    },
    deepLinks: { inv_: staff.redeem },
    demo: () => seedDemoPlaces(platform.db),
  };
  return { service, feature };
}
