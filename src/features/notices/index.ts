import type { Platform } from '../../platform';
import type { Feature } from '../../telegram/feature';
import type { AreaAudiences } from './audience';
import { staffBot } from './bot/staff';
import { CB } from './callbacks';
import { noticesDemo } from './demo';
import { composeFlow } from './flows';
import { noticesJobs } from './jobs';
import { createNoticesService, type NoticesDeps } from './service';

/** Every audience the installed areas offer (Feature.audiences), e.g. market.booked, relief.recipients. */
export function collectAudiences(features: readonly Pick<Feature, 'audiences'>[]): AreaAudiences {
  return Object.assign({}, ...features.map((f) => f.audiences ?? {}));
}

/**
 * Staff broadcasts. Other areas' audiences are asked for lazily (`deps.audiences`): the feature list they come from
 * contains this area too, so it is complete only after this area is built.
 */
export function createNotices(platform: Platform, deps: NoticesDeps) {
  const service = createNoticesService(platform, deps);
  const feature: Feature = {
    name: 'notices',
    composer: staffBot(service, platform),
    commands: [
      { command: 'broadcast', descKey: 'notices.commands.broadcast', scope: 'staff' },
      { command: 'broadcasts', descKey: 'notices.commands.broadcasts', scope: 'staff' },
    ],
    flows: [composeFlow],
    // Staff reach broadcasting by tapping on the workbench (issue 15); the commands stay as shortcuts.
    workbench: {
      tasks: [
        { key: 'notices.task.broadcast', data: CB.compose, roles: ['staff'], order: 10 },
        { key: 'notices.task.list', data: CB.page(0), roles: ['staff'], order: 11 },
      ],
    },
    jobs: noticesJobs(service, platform),
    demo: noticesDemo,
  };
  return { service, feature };
}
