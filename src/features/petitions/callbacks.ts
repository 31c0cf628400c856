// Callback data of this area (pt:…), kept free of grammY so the service can put buttons into outbox rows.
// bot.ts parses each one strictly with the matching regex in RX; anything else falls to "button expired".

export const CATEGORIES = ['roads', 'safety', 'sanitation', 'noise', 'facilities', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

export const CB = {
  category: (c: Category) => `pt:c:${c}`,
  emergency: 'pt:emg',
  notEmergency: 'pt:emg:go',
  skipLocation: 'pt:loc:skip',
  photosDone: 'pt:ph:done',
  showName: (show: boolean) => `pt:nm:${show ? 1 : 0}`,
  confirm: 'pt:ok',
  sameAs: (id: number) => `pt:sim:${id}`,
  notSame: 'pt:sim:new',
  cosign: (id: number, show: boolean) => `pt:cs:${id}:${show ? 1 : 0}`,
  view: (id: number) => `pt:v:${id}`,
  mine: (page: number) => `pt:my:${page}`,
  again: (id: number) => `pt:ag:${id}`,
  chase: (id: number) => `pt:ch:${id}`,
  moreInfo: (id: number) => `pt:mi:${id}`,
  solved: (id: number, answer: 'yes' | 'partly' | 'no') => `pt:fb:${id}:${answer}`,
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
};

const ID = '(\\d{1,9})';
export const RX = {
  category: new RegExp(`^pt:c:(${CATEGORIES.join('|')})$`),
  emergency: /^pt:emg$/,
  notEmergency: /^pt:emg:go$/,
  skipLocation: /^pt:loc:skip$/,
  photosDone: /^pt:ph:done$/,
  showName: /^pt:nm:([01])$/,
  confirm: /^pt:ok$/,
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
};

/** A map link for a shared location (Amap works inside China; Telegram's own map needs a location message). */
export const mapUrl = (lat: number, lng: number) =>
  `https://uri.amap.com/marker?position=${lng.toFixed(6)},${lat.toFixed(6)}`;
