import type { Platform } from '../../platform';
import type { Feature } from '../../telegram/feature';
import { workbenchBot } from './bot/staff';
import { workbenchDemo } from './demo';
import { importFlow } from './flows';
import { workbenchJobs } from './jobs';
import { createWorkbenchService } from './service';

/**
 * The staff workbench (🧰) and the deputy's menu (🏛): what waits for them, every task of theirs as a button, and
 * files in and out — gathered from every area's `workbench` contribution, so no staff task needs a typed command.
 */
export function createWorkbench(platform: Platform, deps: { features: () => readonly Feature[] }) {
  const service = createWorkbenchService(platform, deps.features);
  const feature: Feature = {
    name: 'workbench',
    composer: workbenchBot(service, platform),
    commands: [{ command: 'workbench', descKey: 'workbench.commands.workbench', scope: 'staff' }],
    menu: [
      { key: 'workbench.menu.staff', order: 1, roles: ['staff'] },
      { key: 'workbench.menu.deputy', order: 2, roles: ['deputy'] },
    ],
    flows: [importFlow],
    jobs: workbenchJobs(),
    demo: workbenchDemo,
  };
  return { service, feature };
}
