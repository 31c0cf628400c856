import { Composer, InlineKeyboard } from 'grammy';
import { isDate, localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { cancelKeyboard, choices } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { findPartner, listPartners } from '../partners/service';
import { CB } from './callbacks';
import { needFlow, yuan } from './keyboards';
import { parseYuan } from './money';
import {
  countEntries,
  type EntryInput,
  findEntry,
  fundSummary,
  INCOME_KINDS,
  isIncomeKind,
  isPurpose,
  listEntries,
  PURPOSES,
  recordEntry,
  reverseEntry,
} from './service';

export const staffBot = new Composer<BotContext>();
const pm = staffBot.chatType('private');
const ADD = 'fund.add';
const staff = requireRole('staff');

/** What the staff member has chosen so far; persisted in the flow so a restart loses nothing. */
interface Draft {
  direction?: 'income' | 'expense';
  kind?: string;
  purpose?: string | null;
  donorKind?: 'partner' | 'resident' | 'anonymous';
  partnerId?: number;
  donorName?: string;
  public?: boolean;
  amountFen?: number;
  date?: string;
  note?: string;
}
const draft = (ctx: BotContext) => (ctx.flow?.data ?? {}) as Draft;
const move = (ctx: BotContext, step: string, patch: Draft) => ctx.setFlow(ADD, step, { ...draft(ctx), ...patch });

async function startAdd(ctx: BotContext) {
  await ctx.setFlow(ADD, 'direction', {});
  await ctx.reply(ctx.t('fund.add.askDirection'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('fund.add.income'), CB.direction('i'))
      .text(ctx.t('fund.add.expense'), CB.direction('e')),
  });
}
pm.command('fundadd', staff, startAdd);
staffBot.callbackQuery(CB.add, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startAdd(ctx);
});

staffBot.callbackQuery(/^fd:n:([ie])$/, staff, needFlow(ADD, 'direction'), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (ctx.match[1] === 'i') {
    await move(ctx, 'kind', { direction: 'income' });
    await ctx.editMessageText(ctx.t('fund.add.askKind'), {
      reply_markup: choices(INCOME_KINDS.map((k) => ({ text: ctx.t(`fund.kind.${k}`), data: CB.kind(k) }))),
    });
  } else {
    await move(ctx, 'purpose', { direction: 'expense' });
    await ctx.editMessageText(ctx.t('fund.add.askPurpose'), {
      reply_markup: choices(PURPOSES.map((p) => ({ text: ctx.t(`fund.purpose.${p}`), data: CB.purpose(p) }))),
    });
  }
});

staffBot.callbackQuery(/^fd:k:(\w{1,12})$/, staff, needFlow(ADD, 'kind'), async (ctx) => {
  const kind = ctx.match[1]!;
  if (!isIncomeKind(kind)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await move(ctx, 'donor', { kind });
  await ctx.editMessageText(ctx.t('fund.add.askDonor', { kind: ctx.t(`fund.kind.${kind}`) }), {
    reply_markup: choices(
      ['partner', 'resident', 'anonymous'].map((d) => ({ text: ctx.t(`fund.donorKind.${d}`), data: CB.donorKind(d) })),
      1,
    ),
  });
});

staffBot.callbackQuery(/^fd:dk:(partner|resident|anonymous)$/, staff, needFlow(ADD, 'donor'), async (ctx) => {
  const donorKind = ctx.match[1] as Draft['donorKind'];
  await ctx.answerCallbackQuery();
  if (donorKind === 'partner') {
    const partners = await listPartners(ctx.deps.db);
    await move(ctx, 'partner', { donorKind });
    await ctx.editMessageText(ctx.t('fund.add.askPartner'), {
      reply_markup: choices(
        partners.slice(0, 40).map((p) => ({ text: p.name, data: CB.donorPartner(p.id) })),
        2,
      ),
    });
  } else if (donorKind === 'resident') {
    await move(ctx, 'donorName', { donorKind });
    await ctx.reply(ctx.t('fund.add.askDonorName'), { reply_markup: cancelKeyboard(ctx) });
  } else {
    await move(ctx, 'restrict', { donorKind, public: false });
    await askRestriction(ctx);
  }
});

async function askConsent(ctx: BotContext, who: string) {
  await ctx.reply(ctx.t('fund.add.askConsent', { name: who }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('fund.consent.yes'), CB.consent(1))
      .row()
      .text(ctx.t('fund.consent.no'), CB.consent(0)),
  });
}

staffBot.callbackQuery(/^fd:dp:(\d{1,9})$/, staff, needFlow(ADD, 'partner'), async (ctx) => {
  const partner = await findPartner(ctx.deps.db, Number(ctx.match[1]));
  if (!partner) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await move(ctx, 'consent', { partnerId: partner.id });
  await askConsent(ctx, partner.name);
});

pm.on('message:text').filter(inFlow(ADD, 'donorName'), staff, async (ctx) => {
  const name = ctx.message.text.trim();
  if (name.length < 1 || name.length > 60) return ctx.reply(ctx.t('fund.add.badDonorName'));
  await move(ctx, 'consent', { donorName: name });
  await askConsent(ctx, name);
});

async function askRestriction(ctx: BotContext) {
  const kb = choices(
    [
      { text: ctx.t('fund.add.unrestricted'), data: CB.restrict('none') },
      ...PURPOSES.map((p) => ({
        text: ctx.t('fund.add.restrictedTo', { purpose: ctx.t(`fund.purpose.${p}`) }),
        data: CB.restrict(p),
      })),
    ],
    1,
  );
  await ctx.reply(ctx.t('fund.add.askRestriction'), { reply_markup: kb });
}

staffBot.callbackQuery(/^fd:cs:([01])$/, staff, needFlow(ADD, 'consent'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await move(ctx, 'restrict', { public: ctx.match[1] === '1' });
  await askRestriction(ctx);
});

async function askAmount(ctx: BotContext, patch: Draft) {
  await move(ctx, 'amount', patch);
  await ctx.reply(ctx.t('fund.add.askAmount'), { reply_markup: cancelKeyboard(ctx) });
}

staffBot.callbackQuery(
  /^fd:r:(none|relief|facilities|groups|other)$/,
  staff,
  needFlow(ADD, 'restrict'),
  async (ctx) => {
    await ctx.answerCallbackQuery();
    await askAmount(ctx, { purpose: ctx.match[1] === 'none' ? null : ctx.match[1] });
  },
);

staffBot.callbackQuery(/^fd:u:(relief|facilities|groups|other)$/, staff, needFlow(ADD, 'purpose'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await askAmount(ctx, { purpose: ctx.match[1] });
});

pm.on('message:text').filter(inFlow(ADD, 'amount'), staff, async (ctx) => {
  const fen = parseYuan(ctx.message.text);
  if (fen === null) return ctx.reply(ctx.t('fund.add.badAmount'), { reply_markup: cancelKeyboard(ctx) });
  await move(ctx, 'date', { amountFen: fen });
  await ctx.reply(ctx.t('fund.add.askDate'), {
    reply_markup: new InlineKeyboard().text(ctx.t('fund.add.today'), CB.today),
  });
});

async function askNote(ctx: BotContext, date: string) {
  await move(ctx, 'note', { date });
  const income = draft(ctx).direction === 'income';
  await ctx.reply(
    ctx.t(income ? 'fund.add.askNoteOptional' : 'fund.add.askNote'),
    income ? { reply_markup: new InlineKeyboard().text(ctx.t('fund.add.skipNote'), CB.skipNote) } : {},
  );
}

staffBot.callbackQuery(CB.today, staff, needFlow(ADD, 'date'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await askNote(ctx, localDate(ctx.deps.clock.now(), ctx.deps.config.TIMEZONE));
});

pm.on('message:text').filter(inFlow(ADD, 'date'), staff, async (ctx) => {
  const date = ctx.message.text.trim();
  if (!isDate(date) || date > localDate(ctx.deps.clock.now(), ctx.deps.config.TIMEZONE))
    return ctx.reply(ctx.t('fund.add.badDate'));
  await askNote(ctx, date);
});

function toInput(d: Draft): EntryInput {
  if (d.direction === 'expense')
    return {
      direction: 'expense',
      purpose: d.purpose as never,
      amountFen: d.amountFen!,
      date: d.date!,
      note: d.note ?? '',
    };
  const donor =
    d.donorKind === 'partner'
      ? { kind: 'partner' as const, partnerId: d.partnerId!, public: d.public === true }
      : d.donorKind === 'resident'
        ? { kind: 'resident' as const, name: d.donorName ?? null, userId: null, public: d.public === true }
        : { kind: 'anonymous' as const };
  return {
    direction: 'income',
    kind: d.kind as never,
    amountFen: d.amountFen!,
    date: d.date!,
    donor,
    restrictedTo: (d.purpose ?? null) as never,
    note: d.note ?? '',
  };
}

async function showConfirm(ctx: BotContext, note: string) {
  await move(ctx, 'confirm', { note });
  const d = draft(ctx);
  const partner = d.partnerId ? await findPartner(ctx.deps.db, d.partnerId) : undefined;
  const what =
    d.direction === 'income'
      ? ctx.t('fund.add.reviewIncome', {
          kind: ctx.t(`fund.kind.${d.kind}`),
          donor: d.donorKind === 'anonymous' ? ctx.t('fund.donorKind.anonymous') : (partner?.name ?? d.donorName ?? ''),
          consent: ctx.t(d.public ? 'fund.add.named' : 'fund.add.notNamed'),
          restriction:
            d.purpose && isPurpose(d.purpose)
              ? ctx.t('fund.add.restrictedTo', { purpose: ctx.t(`fund.purpose.${d.purpose}`) })
              : ctx.t('fund.add.unrestricted'),
        })
      : ctx.t('fund.add.reviewExpense', { purpose: ctx.t(`fund.purpose.${d.purpose}`) });
  await ctx.reply(ctx.t('fund.add.review', { what, amount: yuan(d.amountFen!), date: d.date, note: note || '—' }), {
    reply_markup: new InlineKeyboard().text(ctx.t('fund.add.save'), CB.save),
  });
}

staffBot.callbackQuery(CB.skipNote, staff, needFlow(ADD, 'note'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showConfirm(ctx, '');
});

pm.on('message:text').filter(inFlow(ADD, 'note'), staff, async (ctx) => {
  const note = ctx.message.text.trim();
  if (note.length > 500) return ctx.reply(ctx.t('common.tooLong', { max: 500 }));
  await showConfirm(ctx, note);
});

// Checked again at the last tap: the role may be gone since the flow began.
staffBot.callbackQuery(CB.save, staff, needFlow(ADD, 'confirm'), async (ctx) => {
  const { db, clock, config } = ctx.deps;
  let id: number;
  try {
    id = await recordEntry(db, ctx.user.id, toInput(draft(ctx)), { source: 'bot' }, clock.now(), config.TIMEZONE);
  } catch (e) {
    await ctx.endFlow();
    await ctx.reply(ctx.t('fund.add.notSaved'), { reply_markup: ctx.mainMenu() });
    return replyDomainError(ctx, e);
  }
  await ctx.endFlow();
  await ctx.answerCallbackQuery();
  const s = await fundSummary(db, clock.now(), config.TIMEZONE);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t('fund.add.saved', { id, balance: yuan(s.balance) }), { reply_markup: ctx.mainMenu() });
});

// The ledger, newest first, with a reversal button for every entry that can still be corrected.
const PAGE = 8;
async function showLedger(ctx: BotContext, page: number, edit: boolean) {
  const total = await countEntries(ctx.deps.db);
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const rows = await listEntries(ctx.deps.db, PAGE, p * PAGE);
  const lines = rows.map((e) =>
    ctx.t(
      e.reverses_id !== null
        ? 'fund.ledger.reversalLine'
        : e.reversed_by !== null
          ? 'fund.ledger.reversedLine'
          : 'fund.ledger.line',
      {
        id: e.id,
        date: e.entry_date,
        amount: yuan(e.direction === 'expense' ? -e.amount_fen : e.amount_fen),
        what: e.direction === 'income' ? ctx.t(`fund.kind.${e.kind}`) : ctx.t(`fund.purpose.${e.purpose}`),
        who: e.partner_name ?? e.donor_name ?? '',
        note: e.note,
        of: e.reverses_id ?? e.reversed_by ?? '',
      },
    ),
  );
  const kb = new InlineKeyboard();
  for (const e of rows)
    if (e.reverses_id === null && e.reversed_by === null)
      kb.text(ctx.t('fund.ledger.reverseButton', { id: e.id }), CB.reverse(e.id));
  kb.row();
  if (p > 0) kb.text('◀', CB.ledger(p - 1));
  if (p < pages - 1) kb.text('▶', CB.ledger(p + 1));
  const text = [ctx.t('fund.ledger.title', { page: p + 1, pages }), ...lines].join('\n');
  if (edit) await ctx.editMessageText(text, { reply_markup: kb });
  else await ctx.reply(text, { reply_markup: kb });
}
pm.command('fundlog', staff, (ctx) => showLedger(ctx, 0, false));
staffBot.callbackQuery(/^fd:l:(\d{1,5})$/, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLedger(ctx, Number(ctx.match[1]), ctx.match[1] !== '0');
});

staffBot.callbackQuery(/^fd:rv:(\d{1,9})$/, staff, async (ctx) => {
  const entry = await findEntry(ctx.deps.db, Number(ctx.match[1]));
  if (!entry || entry.reverses_id !== null) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('fund.reverse', 'reason', { id: entry.id });
  await ctx.reply(ctx.t('fund.reverse.askReason', { id: entry.id, amount: yuan(entry.amount_fen) }), {
    reply_markup: cancelKeyboard(ctx),
  });
});

pm.on('message:text').filter(inFlow('fund.reverse', 'reason'), staff, async (ctx) => {
  const reason = ctx.message.text.trim();
  if (reason.length < 2 || reason.length > 300) return ctx.reply(ctx.t('fund.reverse.badReason'));
  const { id } = ctx.flow!.data as { id: number };
  await ctx.setFlow('fund.reverse', 'confirm', { id, reason });
  await ctx.reply(ctx.t('fund.reverse.confirm', { id, reason }), {
    reply_markup: new InlineKeyboard().text(ctx.t('fund.reverse.yes'), CB.reverseYes),
  });
});

staffBot.callbackQuery(CB.reverseYes, staff, needFlow('fund.reverse', 'confirm'), async (ctx) => {
  const { id, reason } = ctx.flow!.data as { id: number; reason: string };
  await ctx.endFlow();
  let rev: number;
  try {
    rev = await reverseEntry(ctx.deps.db, ctx.user.id, id, reason, ctx.deps.clock.now(), ctx.deps.config.TIMEZONE);
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t('fund.reverse.done', { id, rev }), { reply_markup: ctx.mainMenu() });
});
