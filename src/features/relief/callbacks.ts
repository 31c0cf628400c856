// Callback data of this area: rl:<action>[:<arg>...], CB builds it and RX parses it strictly; anything else is
// "button expired". Kept free of grammY so services can put buttons into outbox messages. Formats never change:
// old buttons in residents' chats must keep working.

import type { SettingField } from './policy';
import type { Category, EditableField } from './recipients';

/** How the desk found the person: by their code (c) or by a search (s); recorded with the pickup. */
export type DeskMethod = 'c' | 's';

const ym = (month: string) => month.replace('-', '');
/** 'YYYYMM' of a button back to the month 'YYYY-MM'. */
export const monthFromData = (s: string) => `${s.slice(0, 4)}-${s.slice(4)}`;

export const CB = {
  view: 'rl:me',
  later: (rid: number, month: string) => `rl:lt:${rid}:${ym(month)}`,
  nameProxy: (rid: number) => `rl:px:${rid}`,
  removeProxy: (proxyId: number) => `rl:pxd:${proxyId}`,
  linkSelf: 'rl:lk:s',
  linkProxy: 'rl:lk:p',
  /** Someone not on the roster asks staff to contact them. */
  ask: 'rl:ask',
  // staff
  staffMenu: 'rl:st',
  checkin: 'rl:ck',
  checkinEnd: 'rl:ckx',
  roster: (page: number) => `rl:r:${page}`,
  card: (rid: number) => `rl:rc:${rid}`,
  add: 'rl:add',
  category: (c: Category) => `rl:cat:${c}`,
  edit: (rid: number, field: EditableField) => `rl:e:${rid}:${field}`,
  deactivate: (rid: number) => `rl:da:${rid}`,
  reactivate: (rid: number) => `rl:ra:${rid}`,
  link: (rid: number) => `rl:lc:${rid}`,
  checkinCard: (rid: number) => `rl:ci:${rid}`,
  collected: (rid: number, method: DeskMethod) => `rl:cy:${rid}:${method}`,
  collectedByProxy: (rid: number, proxyId: number, method: DeskMethod) => `rl:cp:${rid}:${proxyId}:${method}`,
  collectedByOther: (rid: number, method: DeskMethod) => `rl:co:${rid}:${method}`,
  report: (month: string) => `rl:rp:${ym(month)}`,
  reportCsv: (month: string) => `rl:rx:${ym(month)}`,
  /** A page of the names still to collect in a month's report. */
  reportPage: (month: string, page: number) => `rl:rn:${ym(month)}:${page}`,
  settings: 'rl:set',
  setField: (f: SettingField) => `rl:sf:${f}`,
  holidays: (year: number) => `rl:h:${year}`,
  holidayAdd: 'rl:ha',
  holidayDelete: (id: number) => `rl:hd:${id}`,
  holidayDeleteYes: (id: number) => `rl:hdy:${id}`,
  /** A page of the requests to be contacted that nobody has answered. */
  inquiries: (page: number) => `rl:iq:${page}`,
  /** Staff contacted the person: from the staff message (no page) or from a page of the list. */
  inquiryDone: (id: number, page?: number) => (page === undefined ? `rl:iqd:${id}` : `rl:iqd:${id}:${page}`),
  /** Pick the month of a report. */
  reportMonths: 'rl:rpm',
  /** Set the charity supermarket's name, address, day and hours in one go (the set-up step). */
  supermarket: 'rl:sm',
  /** Keep what is set for the question asked now. */
  supermarketKeep: 'rl:smk',
} as const;

const ID = '(\\d{1,9})';
const YM = '(20\\d\\d(?:0[1-9]|1[0-2]))';
export const RX = {
  ask: /^rl:ask$/,
  checkinEnd: /^rl:ckx$/,
  later: new RegExp(`^rl:lt:${ID}:${YM}$`),
  nameProxy: new RegExp(`^rl:px:${ID}$`),
  removeProxy: new RegExp(`^rl:pxd:${ID}$`),
  roster: /^rl:r:(\d{1,4})$/,
  card: new RegExp(`^rl:rc:${ID}$`),
  category: /^rl:cat:(dibao|tekun|disabled|elderly_alone|other)$/,
  edit: new RegExp(`^rl:e:${ID}:(name|category|phone|notes)$`),
  deactivate: new RegExp(`^rl:da:${ID}$`),
  reactivate: new RegExp(`^rl:ra:${ID}$`),
  link: new RegExp(`^rl:lc:${ID}$`),
  checkinCard: new RegExp(`^rl:ci:${ID}$`),
  collected: new RegExp(`^rl:cy:${ID}:(c|s)$`),
  collectedByProxy: new RegExp(`^rl:cp:${ID}:${ID}:(c|s)$`),
  collectedByOther: new RegExp(`^rl:co:${ID}:(c|s)$`),
  report: new RegExp(`^rl:rp:${YM}$`),
  reportCsv: new RegExp(`^rl:rx:${YM}$`),
  reportPage: new RegExp(`^rl:rn:${YM}:(\\d{1,3})$`),
  setField: /^rl:sf:(day|hours|place|address|makeup)$/,
  holidays: /^rl:h:(20\d\d)$/,
  holidayDelete: new RegExp(`^rl:hd:${ID}$`),
  holidayDeleteYes: new RegExp(`^rl:hdy:${ID}$`),
  inquiries: /^rl:iq:(\d{1,4})$/,
  inquiryDone: new RegExp(`^rl:iqd:${ID}(?::(\\d{1,4}))?$`),
};
