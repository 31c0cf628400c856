import type { Settings } from '../../settings';
import { setupCompleted } from './policy';

/** The demo deployment is set up: its places come from the residents' demo data, the rest from each area's. */
export async function setupDemo(settings: Settings, now: () => Date): Promise<string> {
  if (!settings.isSet(setupCompleted)) await settings.set(null, setupCompleted, now().toISOString());
  return 'setup: the demo deployment counts as set up';
}
