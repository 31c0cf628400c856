import type { FlowDef } from '../../identity';

/** The safety area has no conversation of its own: it answers at once, in whatever flow the resident is. */
export const safetyFlows: readonly FlowDef<unknown, string>[] = [];
