// Callback data of this area (mk:<action>[:<arg>...]): CB builds it, RX parses it strictly; anything else is
// "button expired". Grammy-free, so services can put buttons into outbox messages. The formats never change: old
// buttons stay in residents' chats for months.

import type { Outcome } from './store';
import { SERVICE_GROUPS, type ServiceGroup } from './store/types';

const ID = '(\\d{1,9})';

/** s served · f fixed · x not fixable · p needs parts · n no-show */
export type OutcomeCode = 's' | 'f' | 'x' | 'p' | 'n';

export const OUTCOME_CODES: Record<Outcome, OutcomeCode> = {
  served: 's',
  fixed: 'f',
  not_fixable: 'x',
  needs_parts: 'p',
  no_show: 'n',
};
export const OUTCOME_OF: Record<OutcomeCode, Outcome> = {
  s: 'served',
  f: 'fixed',
  x: 'not_fixable',
  p: 'needs_parts',
  n: 'no_show',
};

export type SubscriptionCode = 'h' | 'a' | 'x';
export const SUBSCRIPTION_OF = { h: 'home', a: 'any', x: 'none' } as const;

/** Which detail of a market day staff change: d date · h hours · l place. */
export type EditCode = 'd' | 'h' | 'l';

/** Which detail of a service staff change by typing: n names · c places · m minutes per ticket. */
export type ServiceField = 'n' | 'c' | 'm';
/** What a resident is asked when booking a service: d a description · p a photo. */
export type NeedsFlag = 'd' | 'p';
/** The add-service flow's last answer: 0 nothing · d a description · p a photo · b both. */
export type NeedsCode = '0' | 'd' | 'p' | 'b';
/** Which detail of a venue staff change: n name · a address · l map location · c compound. */
export type VenueField = 'n' | 'a' | 'l' | 'c';

const GROUP = `(${SERVICE_GROUPS.join('|')})`;
const PAGE = '(\\d{1,4})';

export const CB = {
  // residents
  home: 'mk:home',
  open: (marketId: number) => `mk:v:${marketId}`,
  map: (marketId: number) => `mk:map:${marketId}`,
  book: (offerId: number) => `mk:b:${offerId}`,
  wait: (offerId: number) => `mk:w:${offerId}`,
  skipPhoto: 'mk:ps',
  /** From a notice: the bookings as a new message. */
  mine: 'mk:my',
  /** From the market card: the same card turns into the bookings (and back). */
  mineHere: 'mk:myc',
  cancel: (bookingId: number) => `mk:c:${bookingId}`,
  cancelYes: (bookingId: number) => `mk:cy:${bookingId}`,
  keep: 'mk:cn',
  edit: (bookingId: number) => `mk:e:${bookingId}`,
  subMenu: 'mk:sub',
  sub: (kind: SubscriptionCode) => `mk:s:${kind}`,
  hold: (bookingId: number, yes: boolean) => `mk:h:${bookingId}:${yes ? 'y' : 'n'}`,

  // staff: scheduling
  admin: 'mk:adm',
  /** The list of market days, page `n` (0 is the same as `admin`). */
  adminPage: (page: number) => (page === 0 ? 'mk:adm' : `mk:adm:${page}`),
  /** From the workbench: today's market day's queue. */
  todayQueue: 'mk:tq',
  create: 'mk:new',
  /** A date button of the new-market flow (a date can be typed too). */
  newDate: (date: string) => `mk:nd:${date}`,
  newVenue: (venueId: number) => `mk:nv:${venueId}`,
  newVenuePage: (page: number) => `mk:nvp:${page}`,
  /** A market day moved to another venue (no flow: the market day is in the button). */
  moveTo: (marketId: number, venueId: number) => `mk:mv:${marketId}:${venueId}`,
  moveToPage: (marketId: number, page: number) => `mk:mvp:${marketId}:${page}`,
  toggleService: (serviceId: number) => `mk:ns:${serviceId}`,
  allServices: 'mk:nsa',
  servicesDone: 'mk:nsd',
  capacitiesDone: 'mk:ncd',
  panel: (marketId: number) => `mk:m:${marketId}`,
  publish: (marketId: number) => `mk:pub:${marketId}`,
  publishYes: (marketId: number) => `mk:puby:${marketId}`,
  editMarket: (marketId: number, what: EditCode) => `mk:ed:${marketId}:${what}`,
  capacities: (marketId: number) => `mk:cap:${marketId}`,
  cancelMarket: (marketId: number) => `mk:cx:${marketId}`,
  cancelMarketYes: (marketId: number) => `mk:cxy:${marketId}`,

  // staff: the day itself
  queue: (marketId: number) => `mk:q:${marketId}`,
  serviceQueue: (offerId: number, page: number) => `mk:qs:${offerId}:${page}`,
  ticket: (bookingId: number) => `mk:t:${bookingId}`,
  /** Records the result; for a no-show it first asks to confirm (an old card's button too). */
  outcome: (bookingId: number, o: Outcome) => `mk:r:${bookingId}:${OUTCOME_CODES[o]}`,
  noShowYes: (bookingId: number) => `mk:rn:${bookingId}`,
  undo: (bookingId: number) => `mk:u:${bookingId}`,
  skipNote: 'mk:nn',
  walkIn: (offerId: number) => `mk:wi:${offerId}`,
  walkInYes: (offerId: number, issued: number) => `mk:wiy:${offerId}:${issued}`,
  summary: (marketId: number) => `mk:sum:${marketId}`,
  exportMarket: (marketId: number) => `mk:x:${marketId}`,

  // staff: the catalogue
  catalogue: (page: number) => `mk:cat:${page}`,
  service: (serviceId: number) => `mk:sv:${serviceId}`,
  addService: 'mk:sva',
  editService: (serviceId: number, what: ServiceField) => `mk:sve:${serviceId}:${what}`,
  flagService: (serviceId: number, flag: NeedsFlag) => `mk:svf:${serviceId}:${flag}`,
  groupOf: (serviceId: number) => `mk:svg:${serviceId}`,
  setGroup: (serviceId: number, group: ServiceGroup) => `mk:svg:${serviceId}:${group}`,
  retireService: (serviceId: number) => `mk:svr:${serviceId}`,
  retireServiceYes: (serviceId: number) => `mk:svry:${serviceId}`,
  restoreService: (serviceId: number) => `mk:svu:${serviceId}`,
  /** The add-service flow's buttons: the group, minutes per ticket, what a resident is asked. */
  newGroup: (group: ServiceGroup) => `mk:sng:${group}`,
  newMinutes: (minutes: number) => `mk:snm:${minutes}`,
  newNeeds: (code: NeedsCode) => `mk:snn:${code}`,

  // staff: the venues
  venues: (page: number) => `mk:vn:${page}`,
  venue: (venueId: number) => `mk:vc:${venueId}`,
  /** `setup`: from the set-up walk-through, which the step's last message leads back to. */
  addVenue: (setup = false) => (setup ? 'mk:vna:s' : 'mk:vna'),
  editVenue: (venueId: number, what: VenueField) => `mk:vne:${venueId}:${what}`,
  /** The add-venue and edit-venue flows' compound buttons and their pages. */
  venueCompound: (compoundId: number) => `mk:vpc:${compoundId}`,
  venueCompounds: (page: number) => `mk:vpp:${page}`,
  skipVenueMap: 'mk:vnl',
  retireVenue: (venueId: number) => `mk:vnr:${venueId}`,
  retireVenueYes: (venueId: number) => `mk:vnry:${venueId}`,
  restoreVenue: (venueId: number) => `mk:vnu:${venueId}`,
};

export const RX = {
  home: /^mk:home$/,
  open: new RegExp(`^mk:v:${ID}$`),
  map: new RegExp(`^mk:map:${ID}$`),
  book: new RegExp(`^mk:b:${ID}$`),
  wait: new RegExp(`^mk:w:${ID}$`),
  skipPhoto: /^mk:ps$/,
  mine: /^mk:my$/,
  mineHere: /^mk:myc$/,
  cancel: new RegExp(`^mk:c:${ID}$`),
  cancelYes: new RegExp(`^mk:cy:${ID}$`),
  keep: /^mk:cn$/,
  edit: new RegExp(`^mk:e:${ID}$`),
  subMenu: /^mk:sub$/,
  sub: /^mk:s:(h|a|x)$/,
  hold: new RegExp(`^mk:h:${ID}:(y|n)$`),

  admin: /^mk:adm(?::(\d{1,4}))?$/,
  todayQueue: /^mk:tq$/,
  create: /^mk:new$/,
  newDate: /^mk:nd:(\d{4}-\d{2}-\d{2})$/,
  newVenue: new RegExp(`^mk:nv:${ID}$`),
  newVenuePage: new RegExp(`^mk:nvp:${PAGE}$`),
  moveTo: new RegExp(`^mk:mv:${ID}:${ID}$`),
  moveToPage: new RegExp(`^mk:mvp:${ID}:${PAGE}$`),
  toggleService: new RegExp(`^mk:ns:${ID}$`),
  allServices: /^mk:nsa$/,
  servicesDone: /^mk:nsd$/,
  capacitiesDone: /^mk:ncd$/,
  panel: new RegExp(`^mk:m:${ID}$`),
  publish: new RegExp(`^mk:pub:${ID}$`),
  publishYes: new RegExp(`^mk:puby:${ID}$`),
  editMarket: new RegExp(`^mk:ed:${ID}:(d|h|l)$`),
  capacities: new RegExp(`^mk:cap:${ID}$`),
  cancelMarket: new RegExp(`^mk:cx:${ID}$`),
  cancelMarketYes: new RegExp(`^mk:cxy:${ID}$`),

  queue: new RegExp(`^mk:q:${ID}$`),
  serviceQueue: new RegExp(`^mk:qs:${ID}:(\\d{1,4})$`),
  ticket: new RegExp(`^mk:t:${ID}$`),
  outcome: new RegExp(`^mk:r:${ID}:(s|f|x|p|n)$`),
  noShowYes: new RegExp(`^mk:rn:${ID}$`),
  undo: new RegExp(`^mk:u:${ID}$`),
  skipNote: /^mk:nn$/,
  walkIn: new RegExp(`^mk:wi:${ID}$`),
  walkInYes: new RegExp(`^mk:wiy:${ID}:(\\d{1,6})$`),
  summary: new RegExp(`^mk:sum:${ID}$`),
  exportMarket: new RegExp(`^mk:x:${ID}$`),

  catalogue: new RegExp(`^mk:cat:${PAGE}$`),
  service: new RegExp(`^mk:sv:${ID}$`),
  addService: /^mk:sva$/,
  editService: new RegExp(`^mk:sve:${ID}:(n|c|m)$`),
  flagService: new RegExp(`^mk:svf:${ID}:(d|p)$`),
  groupOf: new RegExp(`^mk:svg:${ID}$`),
  setGroup: new RegExp(`^mk:svg:${ID}:${GROUP}$`),
  retireService: new RegExp(`^mk:svr:${ID}$`),
  retireServiceYes: new RegExp(`^mk:svry:${ID}$`),
  restoreService: new RegExp(`^mk:svu:${ID}$`),
  newGroup: new RegExp(`^mk:sng:${GROUP}$`),
  newMinutes: /^mk:snm:(\d{1,3})$/,
  newNeeds: /^mk:snn:(0|d|p|b)$/,

  venues: new RegExp(`^mk:vn:${PAGE}$`),
  venue: new RegExp(`^mk:vc:${ID}$`),
  addVenue: /^mk:vna(:s)?$/,
  editVenue: new RegExp(`^mk:vne:${ID}:(n|a|l|c)$`),
  venueCompound: new RegExp(`^mk:vpc:${ID}$`),
  venueCompounds: new RegExp(`^mk:vpp:${PAGE}$`),
  skipVenueMap: /^mk:vnl$/,
  retireVenue: new RegExp(`^mk:vnr:${ID}$`),
  retireVenueYes: new RegExp(`^mk:vnry:${ID}$`),
  restoreVenue: new RegExp(`^mk:vnu:${ID}$`),
};

/** grammY types a callback's match as a string too (for string triggers); every trigger here is one of RX. */
type Match = string | RegExpMatchArray | undefined;
const part = (m: Match, i: number) => (typeof m === 'object' ? m[i] : undefined);

/** The parts of a matched callback, typed: ids as numbers, codes as their union. */
export const parse = {
  id: (m: Match, i = 1) => Number(part(m, i)),
  outcome: (m: Match) => OUTCOME_OF[outcomeCode(part(m, 2))],
  subscription: (m: Match) => SUBSCRIPTION_OF[subscriptionCode(part(m, 1))],
  edit: (m: Match): EditCode => (part(m, 2) === 'h' ? 'h' : part(m, 2) === 'l' ? 'l' : 'd'),
  yes: (m: Match) => part(m, 2) === 'y',
  /** A page number; 0 where the button has none. */
  page: (m: Match, i = 1) => Number(part(m, i) ?? 0),
  group: (m: Match, i = 1): ServiceGroup => SERVICE_GROUPS.find((g) => g === part(m, i)) ?? 'daily',
  serviceField: (m: Match): ServiceField => oneOf(['n', 'c', 'm'] as const, part(m, 2)),
  needsFlag: (m: Match): NeedsFlag => oneOf(['d', 'p'] as const, part(m, 2)),
  needsCode: (m: Match): NeedsCode => oneOf(['0', 'd', 'p', 'b'] as const, part(m, 1)),
  venueField: (m: Match): VenueField => oneOf(['n', 'a', 'l', 'c'] as const, part(m, 2)),
};

// The regexes admit only the listed letters; the fallback (the first) is never reached.
const oneOf = <T extends string>(all: readonly [T, ...T[]], s: string | undefined): T =>
  all.find((x) => x === s) ?? all[0];

// The regexes above admit only these letters; the fallbacks are never reached.
const outcomeCode = (s: string | undefined): OutcomeCode =>
  s === 'f' || s === 'x' || s === 'p' || s === 'n' ? s : 's';
const subscriptionCode = (s: string | undefined): SubscriptionCode => (s === 'a' || s === 'x' ? s : 'h');
