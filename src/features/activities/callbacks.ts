// Callback data of this area (ac:<action>[:<arg>...]): CB builds it, RX parses it strictly; anything else is "button
// expired". Grammy-free, so services can put buttons into outbox messages. The formats never change: old buttons stay
// in residents' chats for months.

import { AUDIENCES, type AudienceKind, KINDS, type Kind } from './policy';

const ID = '(\\d{1,9})';
const PAGE = '(\\d{1,4})';

/** Which detail of an activity staff change: d date · h hours · p place · c capacity. */
export type EditCode = 'd' | 'h' | 'p' | 'c';

export const CB = {
  // residents
  calendar: (page = 0) => `ac:cal:${page}`,
  open: (id: number) => `ac:v:${id}`,
  sessions: (id: number) => `ac:ses:${id}`,
  map: (id: number) => `ac:map:${id}`,
  signUp: (id: number) => `ac:su:${id}`,
  wait: (id: number) => `ac:wl:${id}`,
  series: (id: number) => `ac:sa:${id}`,
  child: (id: number, series: boolean) => `ac:ch:${id}:${series ? 's' : '1'}`,
  cancel: (signupId: number, series: boolean) => `ac:c:${signupId}:${series ? 's' : '1'}`,
  cancelYes: (signupId: number, series: boolean) => `ac:cy:${signupId}:${series ? 's' : '1'}`,
  keep: (id: number) => `ac:cn:${id}`,
  mine: 'ac:my',
  code: (signupId: number) => `ac:code:${signupId}`,
  rate: (signupId: number, stars: number) => `ac:rt:${signupId}:${stars}`,
  comment: (signupId: number) => `ac:cm:${signupId}`,

  // staff (and partners for their own)
  create: 'ac:new',
  list: (page = 0) => `ac:ls:${page}`,
  today: 'ac:today',
  panel: (id: number) => `ac:m:${id}`,
  publish: (id: number) => `ac:pub:${id}`,
  publishYes: (id: number) => `ac:puby:${id}`,
  edit: (id: number, what: EditCode) => `ac:ed:${id}:${what}`,
  cancelActivity: (id: number) => `ac:cx:${id}`,
  cancelActivityYes: (id: number) => `ac:cxy:${id}`,
  roster: (id: number, page = 0) => `ac:ro:${id}:${page}`,
  desk: (id: number) => `ac:dk:${id}`,
  checkIn: (signupId: number) => `ac:ci:${signupId}`,
  walkIn: (id: number) => `ac:wi:${id}`,
  drill: (id: number) => `ac:dr:${id}`,
  summary: (id: number) => `ac:sum:${id}`,
  partnersToggle: 'ac:pt',
  /** The set-up step: partners may (y) or may not (n) run activities of their own. */
  setupPartners: (allow: boolean) => `ac:sp:${allow ? 'y' : 'n'}`,

  // staff: the steps of a new activity
  kind: (k: Kind) => `ac:nk:${k}`,
  organiser: (partnerId: number) => `ac:no:${partnerId}`,
  organisers: (page: number) => `ac:nop:${page}`,
  placeCommunity: (communityId: number) => `ac:npm:${communityId}`,
  placeCompound: (compoundId: number) => `ac:npc:${compoundId}`,
  placeOther: 'ac:npo',
  skip: 'ac:nsk',
  repeat: (weekly: boolean) => `ac:nr:${weekly ? 'w' : '1'}`,
  audience: (a: AudienceKind) => `ac:na:${a}`,
  audienceCommunity: (id: number) => `ac:nam:${id}`,
  audienceCompound: (id: number) => `ac:nac:${id}`,
  signupNeeded: (yes: boolean) => `ac:nsu:${yes ? 'y' : 'n'}`,
  saveDraft: 'ac:nd',
  saveAndPublish: 'ac:np',
};

const KIND = `(${KINDS.join('|')})`;
const AUDIENCE = `(${AUDIENCES.join('|')})`;

export const RX = {
  calendar: new RegExp(`^ac:cal:${PAGE}$`),
  open: new RegExp(`^ac:v:${ID}$`),
  sessions: new RegExp(`^ac:ses:${ID}$`),
  map: new RegExp(`^ac:map:${ID}$`),
  signUp: new RegExp(`^ac:su:${ID}$`),
  wait: new RegExp(`^ac:wl:${ID}$`),
  series: new RegExp(`^ac:sa:${ID}$`),
  child: new RegExp(`^ac:ch:${ID}:(1|s)$`),
  cancel: new RegExp(`^ac:c:${ID}:(1|s)$`),
  cancelYes: new RegExp(`^ac:cy:${ID}:(1|s)$`),
  keep: new RegExp(`^ac:cn:${ID}$`),
  mine: /^ac:my$/,
  code: new RegExp(`^ac:code:${ID}$`),
  rate: new RegExp(`^ac:rt:${ID}:([1-5])$`),
  comment: new RegExp(`^ac:cm:${ID}$`),

  create: /^ac:new$/,
  list: new RegExp(`^ac:ls:${PAGE}$`),
  today: /^ac:today$/,
  panel: new RegExp(`^ac:m:${ID}$`),
  publish: new RegExp(`^ac:pub:${ID}$`),
  publishYes: new RegExp(`^ac:puby:${ID}$`),
  edit: new RegExp(`^ac:ed:${ID}:(d|h|p|c)$`),
  cancelActivity: new RegExp(`^ac:cx:${ID}$`),
  cancelActivityYes: new RegExp(`^ac:cxy:${ID}$`),
  roster: new RegExp(`^ac:ro:${ID}:${PAGE}$`),
  desk: new RegExp(`^ac:dk:${ID}$`),
  checkIn: new RegExp(`^ac:ci:${ID}$`),
  walkIn: new RegExp(`^ac:wi:${ID}$`),
  drill: new RegExp(`^ac:dr:${ID}$`),
  summary: new RegExp(`^ac:sum:${ID}$`),
  partnersToggle: /^ac:pt$/,
  setupPartners: /^ac:sp:(y|n)$/,

  kind: new RegExp(`^ac:nk:${KIND}$`),
  organiser: new RegExp(`^ac:no:${ID}$`),
  organisers: new RegExp(`^ac:nop:${PAGE}$`),
  placeCommunity: new RegExp(`^ac:npm:${ID}$`),
  placeCompound: new RegExp(`^ac:npc:${ID}$`),
  placeOther: /^ac:npo$/,
  skip: /^ac:nsk$/,
  repeat: /^ac:nr:(1|w)$/,
  audience: new RegExp(`^ac:na:${AUDIENCE}$`),
  audienceCommunity: new RegExp(`^ac:nam:${ID}$`),
  audienceCompound: new RegExp(`^ac:nac:${ID}$`),
  signupNeeded: /^ac:nsu:(y|n)$/,
  saveDraft: /^ac:nd$/,
  saveAndPublish: /^ac:np$/,
};

/** The check-in link a resident's QR code carries: t.me/<bot>?start=ac_<sign-up>_<code>. */
export const CHECKIN_LINK = 'ac_';
export const checkinPayload = (signupId: number, code: string) => `${signupId}_${code}`;
export const parseCheckinPayload = (arg: string) => {
  const m = /^(\d{1,9})_(\d{6})$/.exec(arg);
  return m ? { signupId: Number(m[1]), code: m[2]! } : null;
};

/** grammY types a callback's match as a string too (for string triggers); every trigger here is one of RX. */
type Match = string | RegExpMatchArray | undefined;
const part = (m: Match, i: number) => (typeof m === 'object' ? m[i] : undefined);

/** The parts of a matched callback, typed. */
export const parse = {
  id: (m: Match, i = 1) => Number(part(m, i)),
  flag: (m: Match, i = 2) => part(m, i) === 's' || part(m, i) === 'w' || part(m, i) === 'y',
  edit: (m: Match): EditCode => {
    const c = part(m, 2);
    return c === 'h' || c === 'p' || c === 'c' ? c : 'd';
  },
  kind: (m: Match): Kind => (KINDS as readonly string[]).find((k) => k === part(m, 1)) as Kind,
  audience: (m: Match): AudienceKind => (AUDIENCES as readonly string[]).find((a) => a === part(m, 1)) as AudienceKind,
};
