import { z } from 'zod';
import { defineSetting } from '../../settings';

/** The sub-district's own name, asked when it is set up in the chat. */
export const subdistrictName = defineSetting('deployment.name', z.string().trim().min(1).max(40), () => '');

/** The residents area's rules: what is kept of a shared phone number. */
export const residentsPolicy = {
  /** Digits and a leading +; anything longer is not a phone number Telegram would send. */
  phoneMaxLength: 20,
} as const;

/** A contact card as Telegram sends it, reduced to what is stored. */
export const normalisePhone = (raw: string) => raw.replace(/[^\d+]/g, '').slice(0, residentsPolicy.phoneMaxLength);
