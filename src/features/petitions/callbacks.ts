// Callback data of this area (pt:…), kept free of grammY so the service can put buttons into outbox rows.
// The handlers in bot/ parse each one strictly with the matching regex in RX; anything else is "button expired".
// The formats never change: buttons already in residents' chats must keep working.

import {
  CATEGORY_CODE,
  type CatalogueKind,
  type Category,
  isCategoryCode,
  type Solved,
  type StatsPeriod,
} from './policy';

const KIND = { category: 'k', department: 'd' } as const;
export const kindOf = (code: string): CatalogueKind => (code === 'k' ? 'category' : 'department');

const periodCode = (p: StatsPeriod) => (p.kind === 'month' ? `m${p.month}` : `y${p.year}`);
const PERIOD = '(m\\d{4}-(?:0[1-9]|1[0-2])|y\\d{4})';
export function parsePeriod(code: string): StatsPeriod {
  return code.startsWith('m') ? { kind: 'month', month: code.slice(1) } : { kind: 'year', year: code.slice(1) };
}

export const CB = {
  category: (c: Category) => `pt:c:${c}`,
  emergency: 'pt:emg',
  notEmergency: 'pt:emg:go',
  photosDone: 'pt:ph:done',
  showName: (show: boolean) => `pt:nm:${show ? 1 : 0}`,
  confirm: 'pt:ok',
  /** Leave the filing flow from its summary card. */
  cancel: 'pt:x',
  sameAs: (id: number) => `pt:sim:${id}`,
  notSame: 'pt:sim:new',
  cosign: (id: number, show: boolean) => `pt:cs:${id}:${show ? 1 : 0}`,
  view: (id: number) => `pt:v:${id}`,
  mine: (page: number) => `pt:my:${page}`,
  again: (id: number) => `pt:ag:${id}`,
  chase: (id: number) => `pt:ch:${id}`,
  moreInfo: (id: number) => `pt:mi:${id}`,
  solved: (id: number, answer: Solved) => `pt:fb:${id}:${answer}`,
  rate: (id: number, stars: number) => `pt:rt:${id}:${stars}`,
  // deputies and staff
  handle: (id: number) => `pt:d:v:${id}`,
  ack: (id: number) => `pt:d:ak:${id}`,
  askInfo: (id: number) => `pt:d:in:${id}`,
  reply: (id: number) => `pt:d:rp:${id}`,
  statusMenu: (id: number) => `pt:d:sm:${id}`,
  setStatus: (id: number, s: 'accepted' | 'investigating') => `pt:d:s:${id}:${s}`,
  transferMenu: (id: number) => `pt:d:tm:${id}`,
  transfer: (id: number, departmentId: number) => `pt:d:tr:${id}:${departmentId}`,
  resolve: (id: number) => `pt:d:rs:${id}`,
  unresolvable: (id: number) => `pt:d:un:${id}`,
  list: (filter: string, page: number) => `pt:d:l:${filter}:${page}`,
  meetingDept: (departmentId: number) => `pt:d:md:${departmentId}`,
  meetingDeptsDone: 'pt:d:mdn',
  /** The card a handler holds, back to its actions (from the status or department choice). */
  card: (id: number) => `pt:d:c:${id}`,
  meetingItem: (id: number) => `pt:d:mi:${id}`,
  meetingItems: (page: number) => `pt:d:mp:${page}`,
  meetingItemsDone: 'pt:d:mid',
  meetingSend: 'pt:d:ms',
  meetingRewrite: 'pt:d:mr',
  /** The deputies' figures of this month a page at a time (kept: such buttons are in staff's chats). */
  stats: (page: number) => `pt:st:${page}`,
  // workbench tasks: a deputy's (and staff's) petitions, a meeting
  work: 'pt:d:h',
  meetingStart: 'pt:d:mt',
  // statistics for a period picked with buttons
  statsHome: 'pt:st:h',
  statsPeriod: (p: StatsPeriod) => `pt:st:p:${periodCode(p)}`,
  statsMonths: 'pt:st:ml',
  statsDeputies: (p: StatsPeriod, page: number) => `pt:st:d:${periodCode(p)}:${page}`,
  statsBreakdown: (p: StatsPeriod) => `pt:st:b:${periodCode(p)}`,
  // deputies and their areas, picked
  deputies: (page: number) => `pt:dp:l:${page}`,
  deputy: (userId: number) => `pt:dp:v:${userId}`,
  toggleCommunity: (userId: number, communityId: number) => `pt:dp:t:${userId}:${communityId}`,
  deputyCategories: (userId: number, communityId: number) => `pt:dp:k:${userId}:${communityId}`,
  toggleCategory: (userId: number, communityId: number, code: Category) => `pt:dp:kt:${userId}:${communityId}:${code}`,
  // a deputy's invitation with their areas
  invite: 'pt:iv',
  inviteCommunity: (communityId: number) => `pt:iv:c:${communityId}`,
  inviteNext: 'pt:iv:n',
  inviteCategory: (code: Category) => `pt:iv:k:${code}`,
  inviteCreate: 'pt:iv:go',
  // the catalogues: categories (k) and departments (d)
  catalogue: (kind: CatalogueKind, page: number) => `pt:kc:${KIND[kind]}:l:${page}`,
  catalogueEntry: (kind: CatalogueKind, id: number) => `pt:kc:${KIND[kind]}:v:${id}`,
  catalogueRename: (kind: CatalogueKind, id: number, lang: 'zh' | 'en') => `pt:kc:${KIND[kind]}:e:${id}:${lang}`,
  catalogueActive: (kind: CatalogueKind, id: number, active: boolean) =>
    `pt:kc:${KIND[kind]}:r:${id}:${active ? 1 : 0}`,
  catalogueAdd: (kind: CatalogueKind) => `pt:kc:${KIND[kind]}:n`,
  // the time limits (set-up and ⚙️)
  limits: 'pt:lim:s',
  ackDays: (n: number) => `pt:lim:a:${n}`,
  answerDays: (n: number) => `pt:lim:w:${n}`,
};

const ID = '(\\d{1,9})';
export const RX = {
  category: new RegExp(`^pt:c:(${CATEGORY_CODE})$`),
  emergency: /^pt:emg$/,
  notEmergency: /^pt:emg:go$/,
  photosDone: /^pt:ph:done$/,
  showName: /^pt:nm:([01])$/,
  confirm: /^pt:ok$/,
  cancel: /^pt:x$/,
  sameAs: new RegExp(`^pt:sim:${ID}$`),
  notSame: /^pt:sim:new$/,
  cosign: new RegExp(`^pt:cs:${ID}:([01])$`),
  view: new RegExp(`^pt:v:${ID}$`),
  mine: /^pt:my:(\d{1,4})$/,
  again: new RegExp(`^pt:ag:${ID}$`),
  chase: new RegExp(`^pt:ch:${ID}$`),
  moreInfo: new RegExp(`^pt:mi:${ID}$`),
  solved: new RegExp(`^pt:fb:${ID}:(yes|partly|no)$`),
  rate: new RegExp(`^pt:rt:${ID}:([1-5])$`),
  handle: new RegExp(`^pt:d:v:${ID}$`),
  ack: new RegExp(`^pt:d:ak:${ID}$`),
  askInfo: new RegExp(`^pt:d:in:${ID}$`),
  reply: new RegExp(`^pt:d:rp:${ID}$`),
  statusMenu: new RegExp(`^pt:d:sm:${ID}$`),
  setStatus: new RegExp(`^pt:d:s:${ID}:(accepted|investigating)$`),
  transferMenu: new RegExp(`^pt:d:tm:${ID}$`),
  transfer: new RegExp(`^pt:d:tr:${ID}:${ID}$`),
  resolve: new RegExp(`^pt:d:rs:${ID}$`),
  unresolvable: new RegExp(`^pt:d:un:${ID}$`),
  list: new RegExp(`^pt:d:l:(o|d|x|a|n|u|c${CATEGORY_CODE}|m\\d{1,9}):(\\d{1,4})$`),
  meetingDept: new RegExp(`^pt:d:md:${ID}$`),
  meetingDeptsDone: /^pt:d:mdn$/,
  card: new RegExp(`^pt:d:c:${ID}$`),
  meetingItem: new RegExp(`^pt:d:mi:${ID}$`),
  meetingItems: /^pt:d:mp:(\d{1,4})$/,
  meetingItemsDone: /^pt:d:mid$/,
  meetingSend: /^pt:d:ms$/,
  meetingRewrite: /^pt:d:mr$/,
  stats: /^pt:st:(\d{1,4})$/,
  work: /^pt:d:h$/,
  meetingStart: /^pt:d:mt$/,
  statsHome: /^pt:st:h$/,
  statsPeriod: new RegExp(`^pt:st:p:${PERIOD}$`),
  statsMonths: /^pt:st:ml$/,
  statsDeputies: new RegExp(`^pt:st:d:${PERIOD}:(\\d{1,4})$`),
  statsBreakdown: new RegExp(`^pt:st:b:${PERIOD}$`),
  deputies: /^pt:dp:l:(\d{1,4})$/,
  deputy: /^pt:dp:v:(\d{1,15})$/,
  toggleCommunity: new RegExp(`^pt:dp:t:(\\d{1,15}):${ID}$`),
  deputyCategories: new RegExp(`^pt:dp:k:(\\d{1,15}):${ID}$`),
  toggleCategory: new RegExp(`^pt:dp:kt:(\\d{1,15}):${ID}:(${CATEGORY_CODE})$`),
  invite: /^pt:iv$/,
  inviteCommunity: new RegExp(`^pt:iv:c:${ID}$`),
  inviteNext: /^pt:iv:n$/,
  inviteCategory: new RegExp(`^pt:iv:k:(${CATEGORY_CODE})$`),
  inviteCreate: /^pt:iv:go$/,
  catalogue: /^pt:kc:([kd]):l:(\d{1,4})$/,
  catalogueEntry: new RegExp(`^pt:kc:([kd]):v:${ID}$`),
  catalogueRename: new RegExp(`^pt:kc:([kd]):e:${ID}:(zh|en)$`),
  catalogueActive: new RegExp(`^pt:kc:([kd]):r:${ID}:([01])$`),
  catalogueAdd: /^pt:kc:([kd]):n$/,
  limits: /^pt:lim:s$/,
  ackDays: /^pt:lim:a:(\d{1,2})$/,
  answerDays: /^pt:lim:w:(\d{1,3})$/,
};

/** What a handler's list shows; travels as the filter code of `pt:d:l:<code>:<page>`. */
export interface HandlerFilter {
  status?: 'open' | 'closed';
  overdue?: boolean;
  /** Open and not yet acknowledged. */
  unacknowledged?: boolean;
  /** (Staff) not yet acknowledged, in an area no deputy answers for. */
  uncovered?: boolean;
  category?: Category;
  communityId?: number;
}

/** 'o' open, 'd' overdue, 'x' closed, 'a' all, 'n' to acknowledge, 'u' no deputy, 'c<category>', 'm<community id>'. */
export function parseListFilter(code: string): HandlerFilter {
  if (code === 'o') return { status: 'open' };
  if (code === 'x') return { status: 'closed' };
  if (code === 'd') return { overdue: true };
  if (code === 'n') return { unacknowledged: true };
  if (code === 'u') return { uncovered: true };
  const category = code.slice(1);
  if (code.startsWith('c') && isCategoryCode(category)) return { category };
  if (code.startsWith('m') && /^\d{1,9}$/.test(code.slice(1))) return { communityId: Number(code.slice(1)) };
  return {};
}

/** The share link of a petition: t.me/<bot>?start=p_<id> opens it for whoever taps it (see the deep link p_). */
export const petitionLink = (botUsername: string, id: number) => `https://t.me/${botUsername}?start=p_${id}`;
export const DEEP_LINK = 'p_';
