// What the fund asks of other areas. The partners area's service is handed in as it is (it has these methods).

export interface NamedPartner {
  id: number;
  name: string;
}

export interface FundPartners {
  partner(id: number): Promise<NamedPartner | undefined>;
  partnerByName(name: string): Promise<NamedPartner | undefined>;
  /** Listed partners by name: the donors staff choose from. */
  partners(): Promise<NamedPartner[]>;
  partnerNames(ids: readonly number[]): Promise<Map<number, string>>;
  /** Minutes served and distinct volunteers in [from, to): the community report's figure. */
  volunteerHours(from: string, to: string): Promise<{ minutes: number; people: number }>;
  /** The demo partners the demo ledger names as donors. */
  loadDemoPartners(): Promise<number>;
}
