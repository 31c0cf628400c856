import type { Platform } from '../../platform';
import type { Feature } from '../../telegram/feature';
import type { ResidentsService } from '../residents/service';
import { safetyBot, safetyScreen } from './bot/resident';
import { safetyDemo } from './demo';
import { safetyFlows } from './flows';
import { safetyJobs } from './jobs';
import { createSafetyService } from './service';

/** Danger first: the emergency check of every text, the alarm card, and telling the community. */
export function createSafety(platform: Platform, deps: { residents: ResidentsService }) {
  const service = createSafetyService(platform, deps);
  const feature: Feature = {
    name: 'safety',
    screen: safetyScreen(service),
    composer: safetyBot(service, platform),
    flows: safetyFlows,
    jobs: safetyJobs(),
    demo: safetyDemo,
  };
  return { service, feature };
}
