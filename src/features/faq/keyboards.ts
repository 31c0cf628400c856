import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { choices, paged } from '../../telegram/keyboards';
import type { Entry } from './entries';
import { CATEGORIES } from './entries';
import { CB_REPLY } from './handoffs';
import type { KnownEntry } from './knowledge';

// Callback data of this area, fq:<action>[:<arg>...]; every handler parses its data with a strict regex (RX).
export const CB = {
  // residents
  menu: 'fq:m',
  category: (cat: string, page = 0) => `fq:g:${cat}:${page}`,
  browse: (entryId: number) => `fq:e:${entryId}`,
  choice: (queryId: number, entryId: number) => `fq:c:${queryId}:${entryId}`,
  up: (queryId: number) => `fq:u:${queryId}`,
  down: (queryId: number) => `fq:d:${queryId}`,
  handoff: (queryId: number) => `fq:h:${queryId}`,
  // staff
  reply: CB_REPLY,
  makeEntry: (handoffId: number) => `fq:n:${handoffId}`,
  inbox: (page: number) => `fq:ib:${page}`,
  staffMenu: 'fq:sm',
  staffList: 'fq:sl',
  staffCategory: (cat: string, page = 0) => `fq:sg:${cat}:${page}`,
  staffEntry: (id: number) => `fq:se:${id}`,
  add: 'fq:sa',
  addLang: (lang: string) => `fq:sn:${lang}`,
  addCategory: (cat: string) => `fq:sc:${cat}`,
  skip: 'fq:sk',
  edit: (id: number, field: 'q' | 'a' | 'p' | 'k') => `fq:sf:${id}:${field}`,
  recategorize: (id: number) => `fq:sr:${id}`,
  recategorizeTo: (id: number, cat: string) => `fq:sr:${id}:${cat}`,
  translate: (id: number) => `fq:st:${id}`,
  remove: (id: number) => `fq:sx:${id}`,
  removeYes: (id: number) => `fq:sy:${id}`,
};

const ID = '(\\d{1,9})';
const CAT = '([a-z]{2,12})';
export const RX = {
  category: new RegExp(`^fq:g:${CAT}:${ID}$`),
  browse: new RegExp(`^fq:e:${ID}$`),
  choice: new RegExp(`^fq:c:${ID}:${ID}$`),
  vote: new RegExp(`^fq:([ud]):${ID}$`),
  handoff: new RegExp(`^fq:h:${ID}$`),
  reply: new RegExp(`^fq:r:${ID}$`),
  makeEntry: new RegExp(`^fq:n:${ID}$`),
  inbox: new RegExp(`^fq:ib:${ID}$`),
  staffCategory: new RegExp(`^fq:sg:${CAT}:${ID}$`),
  staffEntry: new RegExp(`^fq:se:${ID}$`),
  addLang: /^fq:sn:(zh-CN|en)$/,
  addCategory: new RegExp(`^fq:sc:${CAT}$`),
  edit: new RegExp(`^fq:sf:${ID}:([qapk])$`),
  recategorize: new RegExp(`^fq:sr:${ID}$`),
  recategorizeTo: new RegExp(`^fq:sr:${ID}:${CAT}$`),
  translate: new RegExp(`^fq:st:${ID}$`),
  remove: new RegExp(`^fq:sx:${ID}$`),
  removeYes: new RegExp(`^fq:sy:${ID}$`),
};

export const PAGE_SIZE = 8;

export const categoryLabel = (ctx: BotContext, cat: string) =>
  ctx.deps.i18n.exists(`faq.categories.${cat}`) ? ctx.t(`faq.categories.${cat}`) : cat;

/** Telegram shows about 40 characters of a button on a phone; the rest would be cut mid-word anyway. */
const short = (s: string, max = 40) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);

export const answerKeyboard = (ctx: BotContext, queryId: number) =>
  new InlineKeyboard().text(ctx.t('faq.answer.up'), CB.up(queryId)).text(ctx.t('faq.answer.down'), CB.down(queryId));

export const choicesKeyboard = (ctx: BotContext, queryId: number, entries: KnownEntry[]) =>
  choices(
    entries.map((e) => ({ text: short(e.question), data: CB.choice(queryId, e.id) })),
    1,
  )
    .row()
    .text(ctx.t('faq.choices.noneOfThese'), CB.handoff(queryId));

export const handoffOfferKeyboard = (ctx: BotContext, queryId: number) =>
  new InlineKeyboard().text(ctx.t('faq.none.askStaff'), CB.handoff(queryId));

export const categoriesKeyboard = (
  ctx: BotContext,
  cats: { category: string; count: number }[],
  data: (cat: string) => string,
) =>
  choices(
    cats.map((c) => ({ text: `${categoryLabel(ctx, c.category)} (${c.count})`, data: data(c.category) })),
    2,
  );

export const questionsKeyboard = (
  ctx: BotContext,
  cat: string,
  entries: { id: number; question: string }[],
  page: number,
  entryData: (id: number) => string,
  pageData: (n: number) => string,
  backData: string,
) => {
  const { keyboard } = paged(
    entries,
    page,
    PAGE_SIZE,
    (e) => ({ text: short(e.question), data: entryData(e.id) }),
    pageData,
  );
  return keyboard.row().text(ctx.t('common.back'), backData);
};

export const browseAnswerKeyboard = (ctx: BotContext, cat: string) =>
  new InlineKeyboard().text(ctx.t('faq.browse.backTo', { category: categoryLabel(ctx, cat) }), CB.category(cat));

export const staffMenuKeyboard = (ctx: BotContext) =>
  new InlineKeyboard()
    .text(ctx.t('faq.staff.addButton'), CB.add)
    .text(ctx.t('faq.staff.listButton'), CB.staffList)
    .row()
    .text(ctx.t('faq.staff.inboxButton'), CB.inbox(0));

export const langKeyboard = () =>
  new InlineKeyboard().text('中文', CB.addLang('zh-CN')).text('English', CB.addLang('en'));

export const categoryPicker = (ctx: BotContext, data: (cat: string) => string) =>
  choices(
    CATEGORIES.map((c) => ({ text: categoryLabel(ctx, c), data: data(c) })),
    3,
  );

export const skipKeyboard = (ctx: BotContext) => new InlineKeyboard().text(ctx.t('faq.staff.skipButton'), CB.skip);

export const entryKeyboard = (ctx: BotContext, e: Entry, hasOther: boolean) => {
  const kb = new InlineKeyboard()
    .text(ctx.t('faq.staff.editQuestion'), CB.edit(e.id, 'q'))
    .text(ctx.t('faq.staff.editAnswer'), CB.edit(e.id, 'a'))
    .row()
    .text(ctx.t('faq.staff.editPhrasings'), CB.edit(e.id, 'p'))
    .text(ctx.t('faq.staff.editKeywords'), CB.edit(e.id, 'k'))
    .row()
    .text(ctx.t('faq.staff.editCategory'), CB.recategorize(e.id))
    .text(ctx.t('faq.staff.delete'), CB.remove(e.id))
    .row();
  if (!hasOther) kb.text(ctx.t('faq.staff.translate'), CB.translate(e.id)).row();
  return kb.text(ctx.t('common.back'), CB.staffCategory(e.category));
};

export const confirmDeleteKeyboard = (ctx: BotContext, id: number) =>
  new InlineKeyboard()
    .text(ctx.t('faq.staff.deleteYes'), CB.removeYes(id))
    .text(ctx.t('common.cancel'), CB.staffEntry(id));

export const afterAnswerKeyboard = (ctx: BotContext, handoffId: number) =>
  new InlineKeyboard().text(ctx.t('faq.reply.makeEntry'), CB.makeEntry(handoffId));
