/** The residents area's rules: what is kept of a shared phone number. */
export const residentsPolicy = {
  /** Digits and a leading +; anything longer is not a phone number Telegram would send. */
  phoneMaxLength: 20,
} as const;

/** A contact card as Telegram sends it, reduced to what is stored. */
export const normalisePhone = (raw: string) => raw.replace(/[^\d+]/g, '').slice(0, residentsPolicy.phoneMaxLength);
