import { z } from 'zod';
import { defineSetting } from '../../settings';

/**
 * When the first admin began setting the sub-district up in the chat, and when it was finished (residents are then
 * greeted). A deployment that already had places before the walk-through existed is ready without either.
 */
export const setupStarted = defineSetting('setup.startedAt', z.string(), () => '');
export const setupCompleted = defineSetting('setup.completedAt', z.string(), () => '');

/** Steps the admin skipped in the walk-through: not asked again there; ⚙️ 设置 still shows them as not done. */
export const setupSkipped = defineSetting('setup.skipped', z.array(z.string()), () => [] as string[]);

/** The set-up's rules. */
export const setupPolicy = {
  /** Callback data carries a step's key (`market.venues`); longer keys would not fit Telegram's 64 bytes. */
  stepKeyMax: 40,
} as const;
