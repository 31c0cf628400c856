import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { reliefBot } from './bot';
import { openLink } from './bot-resident';
import { reliefCli } from './cli';
import { reliefJobs } from './jobs';
import { seedReliefDemo } from './seed';
import * as store from './store';

export const reliefFeature: Feature = {
  name: 'relief',
  composer: reliefBot,
  commands: [
    { command: 'relief', descKey: 'relief.commands.relief', scope: 'all' },
    { command: 'checkin', descKey: 'relief.commands.checkin', scope: 'staff' },
    { command: 'roster', descKey: 'relief.commands.roster', scope: 'staff' },
    { command: 'relief_report', descKey: 'relief.commands.report', scope: 'staff' },
    { command: 'relief_settings', descKey: 'relief.commands.settings', scope: 'staff' },
  ],
  menu: [{ key: 'relief.menu.main', order: 20 }],
  jobs: reliefJobs,
  seedDemo: ({ db, clock }) => seedReliefDemo(db, clock.now()),
  cli: reliefCli,
  deepLinks: { rl_: openLink },
  audiences: {
    'relief.recipients': {
      labelKey: 'relief.audience.recipients',
      // Linked recipients on the active roster and the proxies who opened their link.
      async userIds(db) {
        const ids = new Set<number>();
        for (const r of await store.listRecipients(db, true)) if (r.user_id !== null) ids.add(r.user_id);
        for (const p of await store.linkedProxies(db)) ids.add(p.user_id!);
        return [...ids].sort((a, b) => a - b);
      },
    },
  },
};
