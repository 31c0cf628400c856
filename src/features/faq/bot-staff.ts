import { Composer } from 'grammy';
import { DomainError } from '../../core/errors';
import type { BotContext } from '../../telegram/context';
import { domainErrorText, replyDomainError } from '../../telegram/errors';
import { requireRole } from '../../telegram/middlewares/guard';
import { splitText } from '../../telegram/text';
import { handoffInbox, handoffReplyBot } from './bot-handoff';
import type { Entry } from './entries';
import * as entries from './entries';
import {
  CB,
  categoriesKeyboard,
  categoryLabel,
  categoryPicker,
  confirmDeleteKeyboard,
  entryKeyboard,
  langKeyboard,
  questionsKeyboard,
  RX,
  skipKeyboard,
  staffMenuKeyboard,
} from './keyboards';

export const staffBot = new Composer<BotContext>();
const pm = staffBot.chatType('private');
const staffOnly = requireRole('staff');

const now = (ctx: BotContext) => ctx.deps.clock.now();
const langTag = (lang: string) => (lang === 'en' ? 'EN' : '中');

async function showMenu(ctx: BotContext, edit = false) {
  const counts = await entries.categoriesWithEntries(ctx.deps.db);
  const text = ctx.t('faq.staff.menu', { count: counts.reduce((n, c) => n + c.count, 0) });
  if (edit) await ctx.editMessageText(text, { reply_markup: staffMenuKeyboard(ctx) });
  else await ctx.reply(text, { reply_markup: staffMenuKeyboard(ctx) });
}

/** The entry as staff see it; long entries arrive as several messages, the buttons under the last. */
export async function showEntry(ctx: BotContext, e: Entry) {
  const other = await entries.otherVersion(ctx.deps.db, e);
  const text = ctx.t('faq.staff.entry', {
    id: e.id,
    key: e.key,
    lang: langTag(e.lang),
    category: categoryLabel(ctx, e.category),
    question: e.question,
    answer: e.answer,
    phrasings: e.phrasings.join('\n') || '—',
    keywords: e.keywords.join('、') || '—',
    hits: e.hits,
    helpful: e.helpful,
    unhelpful: e.unhelpful,
  });
  const parts = splitText(text);
  for (const [i, part] of parts.entries())
    await ctx.reply(part, i === parts.length - 1 ? { reply_markup: entryKeyboard(ctx, e, other !== undefined) } : {});
}

pm.command('faq', staffOnly, (ctx) => showMenu(ctx));

staffBot.callbackQuery(CB.staffMenu, staffOnly, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMenu(ctx, true);
});

staffBot.callbackQuery(CB.staffList, staffOnly, async (ctx) => {
  const cats = await entries.categoriesWithEntries(ctx.deps.db);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t(cats.length ? 'faq.staff.pickCategory' : 'faq.browse.empty'), {
    reply_markup: categoriesKeyboard(ctx, cats, (c) => CB.staffCategory(c))
      .row()
      .text(ctx.t('common.back'), CB.staffMenu),
  });
});

staffBot.callbackQuery(RX.staffCategory, staffOnly, async (ctx) => {
  const cat = ctx.match[1]!;
  const list = await entries.entriesIn(ctx.deps.db, cat);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    ctx.t(list.length ? 'faq.staff.entriesIn' : 'faq.staff.noEntriesIn', {
      category: categoryLabel(ctx, cat),
      count: list.length,
    }),
    {
      reply_markup: questionsKeyboard(
        ctx,
        cat,
        list.map((e) => ({ id: e.id, question: `[${langTag(e.lang)}] ${e.question}` })),
        Number(ctx.match[2]),
        CB.staffEntry,
        (n) => CB.staffCategory(cat, n),
        CB.staffList,
      ),
    },
  );
});

staffBot.callbackQuery(RX.staffEntry, staffOnly, async (ctx) => {
  const e = await entries.findEntry(ctx.deps.db, Number(ctx.match[1]));
  if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await showEntry(ctx, e);
});

// ── add: language → category (buttons) → question → answer → phrasings → keywords ─────────────
staffBot.callbackQuery(CB.add, staffOnly, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('faq.add', 'lang', {});
  await ctx.reply(ctx.t('faq.add.askLang'), { reply_markup: langKeyboard() });
});

staffBot.callbackQuery(RX.addLang, staffOnly, async (ctx) => {
  if (ctx.flow?.name !== 'faq.add' || ctx.flow.step !== 'lang')
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('faq.add', 'category', { lang: ctx.match[1] });
  await ctx.editMessageText(ctx.t('faq.add.askCategory'), { reply_markup: categoryPicker(ctx, CB.addCategory) });
});

staffBot.callbackQuery(RX.addCategory, staffOnly, async (ctx) => {
  const cat = ctx.match[1]!;
  if (ctx.flow?.name !== 'faq.add' || ctx.flow.step !== 'category' || !entries.isCategory(cat))
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('faq.add', 'question', { ...ctx.flow.data, category: cat });
  await ctx.editMessageText(ctx.t('faq.add.askQuestion'));
});

staffBot.callbackQuery(RX.translate, staffOnly, async (ctx) => {
  const e = await entries.findEntry(ctx.deps.db, Number(ctx.match[1]));
  if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  const lang = e.lang === 'en' ? 'zh-CN' : 'en';
  await ctx.setFlow('faq.add', 'question', { lang, category: e.category, key: e.key });
  await ctx.reply(
    ctx.t('faq.add.askTranslation', { language: lang === 'en' ? 'English' : '中文', question: e.question }),
  );
});

/** Runs a validation; a bad value is answered with the rule and an example, and the step stays where it is. */
async function checked<T>(ctx: BotContext, fn: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    await ctx.reply(domainErrorText(ctx, err));
    return { ok: false };
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

async function saveNew(ctx: BotContext, data: Record<string, unknown>) {
  const r = await checked(ctx, () =>
    entries.addEntry(
      ctx.deps.db,
      ctx.from!.id,
      {
        key: str(data.key) || undefined,
        lang: str(data.lang),
        category: str(data.category),
        question: str(data.question),
        answer: str(data.answer),
        phrasings: list(data.phrasings),
        keywords: list(data.keywords),
      },
      now(ctx),
    ),
  );
  await ctx.endFlow();
  if (!r.ok) return;
  await ctx.reply(ctx.t('faq.add.saved'));
  await showEntry(ctx, r.value);
}

pm.on('message:text').filter(
  (ctx) => ctx.flow?.name === 'faq.add',
  staffOnly,
  async (ctx) => {
    const flow = ctx.flow!;
    const text = ctx.message.text;
    switch (flow.step) {
      case 'question': {
        const r = await checked(ctx, () => entries.validQuestion(text));
        if (!r.ok) return;
        await ctx.setFlow('faq.add', 'answer', { ...flow.data, question: r.value });
        return ctx.reply(ctx.t('faq.add.askAnswer'));
      }
      case 'answer': {
        const r = await checked(ctx, () => entries.validAnswer(text));
        if (!r.ok) return;
        await ctx.setFlow('faq.add', 'phrasings', { ...flow.data, answer: r.value });
        return ctx.reply(ctx.t('faq.add.askPhrasings'), { reply_markup: skipKeyboard(ctx) });
      }
      case 'phrasings': {
        const r = await checked(ctx, () => entries.validPhrasings(entries.splitPhrasings(text)));
        if (!r.ok) return;
        await ctx.setFlow('faq.add', 'keywords', { ...flow.data, phrasings: r.value });
        return ctx.reply(ctx.t('faq.add.askKeywords'), { reply_markup: skipKeyboard(ctx) });
      }
      case 'keywords': {
        const r = await checked(ctx, () => entries.validKeywords(entries.splitKeywords(text)));
        if (!r.ok) return;
        return saveNew(ctx, { ...flow.data, keywords: r.value });
      }
      default:
        // Waiting for a button (language, category): say so rather than guess.
        return ctx.reply(ctx.t('faq.add.useButtons'));
    }
  },
);

staffBot.callbackQuery(CB.skip, staffOnly, async (ctx) => {
  const flow = ctx.flow;
  if (flow?.name !== 'faq.add' || (flow.step !== 'phrasings' && flow.step !== 'keywords'))
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
  if (flow.step === 'phrasings') {
    await ctx.setFlow('faq.add', 'keywords', { ...flow.data, phrasings: [] });
    return ctx.reply(ctx.t('faq.add.askKeywords'), { reply_markup: skipKeyboard(ctx) });
  }
  await saveNew(ctx, { ...flow.data, keywords: [] });
});

// ── edit one field ──────────────────────────────────────────────────────────
const FIELD = { q: 'question', a: 'answer', p: 'phrasings', k: 'keywords' } as const;

staffBot.callbackQuery(RX.edit, staffOnly, async (ctx) => {
  const e = await entries.findEntry(ctx.deps.db, Number(ctx.match[1]));
  if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  const field = FIELD[ctx.match[2] as keyof typeof FIELD];
  await ctx.answerCallbackQuery();
  await ctx.setFlow('faq.edit', field, { id: e.id });
  const current =
    field === 'phrasings' ? e.phrasings.join('\n') : field === 'keywords' ? e.keywords.join('、') : e[field];
  await ctx.reply(ctx.t(`faq.edit.${field}`, { current: current || '—' }));
});

pm.on('message:text').filter(
  (ctx) => ctx.flow?.name === 'faq.edit',
  staffOnly,
  async (ctx) => {
    const flow = ctx.flow!;
    const id = Number(flow.data.id);
    const text = ctx.message.text;
    const patch: entries.EntryPatch =
      flow.step === 'question'
        ? { question: text }
        : flow.step === 'answer'
          ? { answer: text }
          : flow.step === 'phrasings'
            ? { phrasings: text.trim() === '-' ? [] : entries.splitPhrasings(text) }
            : { keywords: text.trim() === '-' ? [] : entries.splitKeywords(text) };
    const r = await checked(ctx, () => entries.updateEntry(ctx.deps.db, ctx.from.id, id, patch, now(ctx)));
    if (!r.ok) return;
    await ctx.endFlow();
    await ctx.reply(ctx.t('faq.edit.saved'));
    await showEntry(ctx, r.value);
  },
);

staffBot.callbackQuery(RX.recategorize, staffOnly, async (ctx) => {
  const id = Number(ctx.match[1]);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('faq.edit.category'), { reply_markup: categoryPicker(ctx, (c) => CB.recategorizeTo(id, c)) });
});

staffBot.callbackQuery(RX.recategorizeTo, staffOnly, async (ctx) => {
  try {
    const e = await entries.updateEntry(
      ctx.deps.db,
      ctx.from.id,
      Number(ctx.match[1]),
      { category: ctx.match[2]! },
      now(ctx),
    );
    await ctx.answerCallbackQuery({ text: ctx.t('faq.edit.saved') });
    await ctx.editMessageText(ctx.t('faq.edit.categorySaved', { category: categoryLabel(ctx, e.category) }));
  } catch (err) {
    await replyDomainError(ctx, err);
  }
});

// ── delete, confirmed (and the role checked again on the confirmation) ───────────────────────
staffBot.callbackQuery(RX.remove, staffOnly, async (ctx) => {
  const e = await entries.findEntry(ctx.deps.db, Number(ctx.match[1]));
  if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('faq.staff.confirmDelete', { question: e.question }), {
    reply_markup: confirmDeleteKeyboard(ctx, e.id),
  });
});

staffBot.callbackQuery(RX.removeYes, staffOnly, async (ctx) => {
  try {
    const e = await entries.deleteEntry(ctx.deps.db, ctx.from.id, Number(ctx.match[1]), now(ctx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('faq.staff.deleted', { question: e.question }));
  } catch (err) {
    if (err instanceof entries.EntryNotFound) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    throw err;
  }
});

// Anything but text while one of these flows waits for text: ask again instead of dropping it silently.
pm.on('message').filter(
  (ctx) => !ctx.message.text && (ctx.flow?.name === 'faq.add' || ctx.flow?.name === 'faq.edit'),
  staffOnly,
  (ctx) => ctx.reply(ctx.t('faq.staff.textOnly')),
);

staffBot.use(handoffReplyBot, handoffInbox);
