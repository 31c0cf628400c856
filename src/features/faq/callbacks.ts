// Callback data of this area (fq:<action>[:<arg>...]): CB builds it, RX parses it strictly; anything else is
// "button expired". The formats are what buttons already in residents' and staff chats carry: they never change.

export type EntryField = 'question' | 'answer' | 'phrasings' | 'keywords';

const FIELD_CODE = { question: 'q', answer: 'a', phrasings: 'p', keywords: 'k' } as const;
const FIELD_OF = { q: 'question', a: 'answer', p: 'phrasings', k: 'keywords' } as const;

/** The field an edit button names ('fq:sf:<id>:<q|a|p|k>'), read from what RX.edit matched. */
export const fieldOf = (code: string | undefined): EntryField | undefined =>
  code === 'q' || code === 'a' || code === 'p' || code === 'k' ? FIELD_OF[code] : undefined;

export const CB = {
  // residents
  menu: 'fq:m',
  category: (cat: string, page = 0) => `fq:g:${cat}:${page}`,
  browse: (entryId: number) => `fq:e:${entryId}`,
  choice: (queryId: number, entryId: number) => `fq:c:${queryId}:${entryId}`,
  up: (queryId: number) => `fq:u:${queryId}`,
  down: (queryId: number) => `fq:d:${queryId}`,
  handoff: (queryId: number) => `fq:h:${queryId}`,
  // staff: handed-off questions
  reply: (handoffId: number) => `fq:r:${handoffId}`,
  makeEntry: (handoffId: number) => `fq:n:${handoffId}`,
  inbox: (page: number) => `fq:ib:${page}`,
  /** Reply from a page of /inbox: that page is shown again with the question taken. */
  inboxReply: (handoffId: number, page: number) => `fq:ir:${handoffId}:${page}`,
  // staff: an answer becoming an entry, reviewed before it is saved
  draftEdit: (field: 'question' | 'answer') => `fq:h${field === 'question' ? 'q' : 'a'}`,
  draftCategories: 'fq:hg',
  draftCategory: (cat: string) => `fq:hc:${cat}`,
  draftSave: 'fq:hs',
  /** Leaves whichever of this area's flows the staff member is in (the prompt's ❌ button). */
  cancel: 'fq:x',
  // staff: the knowledge base
  staffMenu: 'fq:sm',
  staffList: 'fq:sl',
  staffCategory: (cat: string, page = 0) => `fq:sg:${cat}:${page}`,
  staffEntry: (id: number) => `fq:se:${id}`,
  add: 'fq:sa',
  addLang: (lang: string) => `fq:sn:${lang}`,
  addCategory: (cat: string) => `fq:sc:${cat}`,
  skip: 'fq:sk',
  edit: (id: number, field: EntryField) => `fq:sf:${id}:${FIELD_CODE[field]}`,
  recategorize: (id: number) => `fq:sr:${id}`,
  recategorizeTo: (id: number, cat: string) => `fq:sr:${id}:${cat}`,
  translate: (id: number) => `fq:st:${id}`,
  remove: (id: number) => `fq:sx:${id}`,
  removeYes: (id: number) => `fq:sy:${id}`,
  // admin: office hours (a setup step), every choice a button
  hours: 'fq:oh',
  hoursDay: (day: number) => `fq:ohd:${day}`,
  hoursDaysDone: 'fq:ohn',
  hoursOpen: (hhmm: string) => `fq:oho:${hhmm.replace(':', '')}`,
  hoursClose: (hhmm: string) => `fq:ohc:${hhmm.replace(':', '')}`,
};

const ID = '(\\d{1,9})';
const CAT = '([a-z]{2,12})';
export const RX = {
  menu: /^fq:m$/,
  category: new RegExp(`^fq:g:${CAT}:${ID}$`),
  browse: new RegExp(`^fq:e:${ID}$`),
  choice: new RegExp(`^fq:c:${ID}:${ID}$`),
  vote: new RegExp(`^fq:([ud]):${ID}$`),
  handoff: new RegExp(`^fq:h:${ID}$`),
  reply: new RegExp(`^fq:r:${ID}$`),
  makeEntry: new RegExp(`^fq:n:${ID}$`),
  inbox: new RegExp(`^fq:ib:${ID}$`),
  inboxReply: new RegExp(`^fq:ir:${ID}:${ID}$`),
  draftEdit: /^fq:h([qa])$/,
  draftCategories: /^fq:hg$/,
  draftCategory: new RegExp(`^fq:hc:${CAT}$`),
  draftSave: /^fq:hs$/,
  cancel: /^fq:x$/,
  staffMenu: /^fq:sm$/,
  staffList: /^fq:sl$/,
  staffCategory: new RegExp(`^fq:sg:${CAT}:${ID}$`),
  staffEntry: new RegExp(`^fq:se:${ID}$`),
  add: /^fq:sa$/,
  addLang: /^fq:sn:(zh-CN|en)$/,
  addCategory: new RegExp(`^fq:sc:${CAT}$`),
  skip: /^fq:sk$/,
  edit: new RegExp(`^fq:sf:${ID}:([qapk])$`),
  recategorize: new RegExp(`^fq:sr:${ID}$`),
  recategorizeTo: new RegExp(`^fq:sr:${ID}:${CAT}$`),
  translate: new RegExp(`^fq:st:${ID}$`),
  remove: new RegExp(`^fq:sx:${ID}$`),
  removeYes: new RegExp(`^fq:sy:${ID}$`),
  hours: /^fq:oh$/,
  hoursDay: /^fq:ohd:([0-6])$/,
  hoursDaysDone: /^fq:ohn$/,
  /** The time as HH and MM. */
  hoursOpen: /^fq:oho:([01]\d|2[0-3])([0-5]\d)$/,
  hoursClose: /^fq:ohc:([01]\d|2[0-3])([0-5]\d)$/,
};
