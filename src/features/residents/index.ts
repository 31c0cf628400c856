import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import { peopleBot } from './bot/people';
import { placesBot } from './bot/places';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { CB } from './callbacks';
import { seedDemoPlaces } from './demo';
import { peopleFlow, phoneFlow, placeFlow, subdistrictFlow } from './flows';
import { residentsJobs } from './jobs';
import { createResidentsService } from './service';

/** This area's steps of the set-up walk-through (their keys are the set-up's, in its buttons; not locale keys). */
const SETUP_STEPS = { name: 'residents.name', places: 'residents.places' } as const;

/** Onboarding, places, the resident's own settings; invitations, people and their roles. */
export function createResidents(platform: Platform) {
  const service = createResidentsService(platform);
  const resident = residentBot(service, platform);
  const staff = staffBot(platform.identity, platform);
  const places = placesBot(service);
  const feature: Feature = {
    name: 'residents',
    composer: flatComposer<BotContext>(
      resident.composer,
      staff.composer,
      peopleBot(service, platform),
      places.composer,
    ),
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
    flows: [phoneFlow, subdistrictFlow, placeFlow, peopleFlow],
    jobs: residentsJobs(),
    workbench: {
      tasks: [
        { key: 'residents.people.task', data: CB.people(0), roles: ['admin'], order: 90 },
        { key: 'residents.invite.task', data: CB.invites, roles: ['staff'], order: 91 },
      ],
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
    // Set up first: the sub-district's name, then its communities and their compounds.
    setup: [
      {
        key: SETUP_STEPS.name,
        order: 10,
        titleKey: 'residents.setup.name.title',
        isDone: async () => (await service.subdistrict()) !== '',
        start: places.askName,
      },
      {
        key: SETUP_STEPS.places,
        order: 20,
        titleKey: 'residents.setup.places.step',
        isDone: () => service.hasPlaces(),
        start: places.showPlaces,
      },
    ],
    deepLinks: { inv_: staff.redeem },
    demo: () => seedDemoPlaces(platform.db, platform.settings),
  };
  // The greeting is shown by the set-up area, which answers /start until the sub-district is set up.
  return { service, feature, greet: resident.greet };
}
