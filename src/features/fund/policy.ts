// The fund's rules: when reminders and statements go out, what a pledge may be, how long texts may run.

export const fundPolicy = {
  /** Pledge reminders go out from this time on the pledged day (a catch-up job sends any it missed later). */
  pledgeRemindTime: '09:00',
  /** Statements for last month go out from this time on the 1st (a later run catches up). */
  statementTime: '09:00',
  pledgeAmountsFen: [1000, 2000, 5000, 10000] as readonly number[],
  pledgeDays: [1, 5, 10, 15, 20, 25] as readonly number[],
  /** The latest day a pledge may name: every month has it. */
  pledgeLastDay: 28,
  /** A note on an entry, as stored. */
  noteMax: 500,
  /** A resident donor's name as staff type it, and as stored from other sources. */
  donorNameMax: 60,
  donorNameStored: 100,
  reverseReason: { min: 2, max: 300 },
  /** Entries on one page of the ledger. */
  ledgerPage: 8,
  /** Partners offered as donors in the recording flow. */
  donorPartners: 40,
  /** Donors on the thank-you list. */
  donorsShown: 30,
  /** Pledged months on the staff list to confirm. */
  pendingPledges: 20,
} as const;
