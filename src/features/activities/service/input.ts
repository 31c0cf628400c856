import type { AudienceKind, Kind } from '../policy';

/** Who is acting: staff manage every activity; a partner (if staff allow it) only their own. */
export interface Actor {
  id: number;
  staff: boolean;
}

export interface ActivityInput {
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string;
  descriptionEn: string | null;
  kind: Kind;
  /** The organising partner; null: the community. */
  partnerId: number | null;
  compoundId: number | null;
  placeZh: string;
  placeEn: string | null;
  placeAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  date: string;
  startsAt: string;
  endsAt: string;
  /** 1: once; more: a weekly series of that many sessions. */
  sessions: number;
  audience: AudienceKind;
  audienceId: number | null;
  ageMin: number | null;
  ageMax: number | null;
  capacity: number | null;
  signupNeeded: boolean;
  bringZh: string | null;
  bringEn: string | null;
}
