// Callback data of this area (mk:<action>[:<arg>...]): CB builds it, RX parses it strictly; anything else is
// "button expired". Grammy-free, so services can put buttons into outbox messages. The formats never change: old
// buttons stay in residents' chats for months.

import type { Outcome } from './store';

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
  create: 'mk:new',
  newCompound: (compoundId: number) => `mk:nc:${compoundId}`,
  skipMap: 'mk:nl',
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

  admin: /^mk:adm$/,
  create: /^mk:new$/,
  newCompound: new RegExp(`^mk:nc:${ID}$`),
  skipMap: /^mk:nl$/,
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
};

// The regexes above admit only these letters; the fallbacks are never reached.
const outcomeCode = (s: string | undefined): OutcomeCode =>
  s === 'f' || s === 'x' || s === 'p' || s === 'n' ? s : 's';
const subscriptionCode = (s: string | undefined): SubscriptionCode => (s === 'a' || s === 'x' ? s : 'h');
