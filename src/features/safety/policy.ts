/** The safety area's rules. */
export const safetyPolicy = {
  /** What the alarm keeps of a typed text for staff (a whole essay is not needed to call back). */
  textForStaff: 300,
  /** "Carry on" returns the text to the flow it was typed in only while that is still plausible. */
  continueWithinMs: 30 * 60_000,
} as const;
