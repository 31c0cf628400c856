// Callback data of this area (pt:…), kept free of grammY so the service can put buttons into outbox rows.
// The handlers in bot/ parse each one strictly with the matching regex in RX; anything else is "button expired".
// The formats never change: buttons already in residents' chats must keep working.

import { CATEGORIES, type Category, isCategory, type Solved } from './policy';

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
  /** /petitionstats, the deputies' figures a page at a time. */
  stats: (page: number) => `pt:st:${page}`,
};

const ID = '(\\d{1,9})';
export const RX = {
  category: new RegExp(`^pt:c:(${CATEGORIES.join('|')})$`),
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
  list: new RegExp(`^pt:d:l:(o|d|x|a|c(?:${CATEGORIES.join('|')})|m\\d{1,9}):(\\d{1,4})$`),
  meetingDept: new RegExp(`^pt:d:md:${ID}$`),
  meetingDeptsDone: /^pt:d:mdn$/,
  card: new RegExp(`^pt:d:c:${ID}$`),
  meetingItem: new RegExp(`^pt:d:mi:${ID}$`),
  meetingItems: /^pt:d:mp:(\d{1,4})$/,
  meetingItemsDone: /^pt:d:mid$/,
  meetingSend: /^pt:d:ms$/,
  meetingRewrite: /^pt:d:mr$/,
  stats: /^pt:st:(\d{1,4})$/,
};

/** What a handler's list shows; travels as the filter code of `pt:d:l:<code>:<page>`. */
export interface HandlerFilter {
  status?: 'open' | 'closed';
  overdue?: boolean;
  category?: Category;
  communityId?: number;
}

/** 'o' open, 'd' overdue, 'x' closed, 'a' all, 'c<category>', 'm<community id>'. */
export function parseListFilter(code: string): HandlerFilter {
  if (code === 'o') return { status: 'open' };
  if (code === 'x') return { status: 'closed' };
  if (code === 'd') return { overdue: true };
  const category = code.slice(1);
  if (code.startsWith('c') && isCategory(category)) return { category };
  if (code.startsWith('m') && /^\d{1,9}$/.test(code.slice(1))) return { communityId: Number(code.slice(1)) };
  return {};
}

/** The share link of a petition: t.me/<bot>?start=p_<id> opens it for whoever taps it (see the deep link p_). */
export const petitionLink = (botUsername: string, id: number) => `https://t.me/${botUsername}?start=p_${id}`;
export const DEEP_LINK = 'p_';
