import { Composer } from 'grammy';
import { DomainError } from '../../core/errors';
import { isDate, localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { cancelKeyboard } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { splitText } from '../../telegram/text';
import { listCommunities } from '../residents/service';
import { isCategory, RX } from './callbacks';
import * as handling from './handling';
import {
  departmentsKeyboard,
  filterKeyboard,
  handlerKeyboard,
  listKeyboard,
  meetingDepartmentsKeyboard,
  statusKeyboard,
} from './keyboards';
import { policyFrom } from './notify';
import * as petitions from './service';
import { monthStart, num, pct, type Rates, responsiveness } from './stats';
import { handlerCard } from './views';

export const handlerBot = new Composer<BotContext>();
const pm = handlerBot.chatType('private');
const handler = requireRole('deputy', 'staff');

const actor = (ctx: BotContext): handling.Actor => ({ id: ctx.user.id, roles: ctx.roles });
const now = (ctx: BotContext) => ctx.deps.clock.now();

/** Runs a handler action; domain errors (not yours, closed, unknown) become a polite answer. */
async function act(ctx: BotContext, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    await replyDomainError(ctx, e);
  }
}

async function showList(ctx: BotContext, filter: string, page: number, edit: boolean) {
  const f: Parameters<typeof handling.listForHandler>[2] = {};
  if (filter === 'o') f.status = 'open';
  else if (filter === 'x') f.status = 'closed';
  else if (filter === 'd') f.overdue = true;
  else if (filter.startsWith('c') && isCategory(filter.slice(1))) f.category = filter.slice(1);
  else if (filter.startsWith('m')) f.communityId = Number(filter.slice(1));
  const list = await handling.listForHandler(ctx.deps.db, actor(ctx), f, now(ctx));
  const { keyboard, page: p, pages } = listKeyboard(ctx, list, filter, page);
  const text = ctx.t('petitions.list.title', {
    n: list.length,
    page: p + 1,
    pages,
    filter: ctx.t(`petitions.list.filter.${filter[0] === 'c' || filter[0] === 'm' ? 'f' : filter}`),
  });
  const reply_markup = keyboard;
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}

pm.command('petitions', handler, async (ctx) => {
  await ctx.reply(ctx.t('petitions.list.chooseFilter'), {
    reply_markup: filterKeyboard(ctx, await listCommunities(ctx.deps.db)),
  });
  await showList(ctx, 'o', 0, false);
});

handlerBot.callbackQuery(RX.list, handler, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx, ctx.match[1]!, Number(ctx.match[2]), true);
});

async function showCard(ctx: BotContext, id: number, edit: boolean) {
  const p = await handling.forHandler(ctx.deps.db, actor(ctx), id);
  const chunks = splitText(await handlerCard(ctx, p));
  const last = chunks.pop()!;
  for (const c of chunks) await ctx.reply(c);
  if (edit && chunks.length === 0) await ctx.editMessageText(last, { reply_markup: handlerKeyboard(ctx, p) });
  else await ctx.reply(last, { reply_markup: handlerKeyboard(ctx, p) });
}

handlerBot.callbackQuery(RX.handle, handler, (ctx) =>
  act(ctx, async () => {
    await showCard(ctx, Number(ctx.match[1]), false);
    await ctx.answerCallbackQuery();
  }),
);

handlerBot.callbackQuery(RX.ack, handler, (ctx) =>
  act(ctx, async () => {
    const p = await handling.acknowledge(
      ctx.deps.db,
      policyFrom(ctx.deps.config),
      actor(ctx),
      Number(ctx.match[1]),
      now(ctx),
    );
    ctx.deps.wakeDelivery();
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.handle.acknowledged', { id: p.id }) });
    await ctx.reply(ctx.t('petitions.handle.acknowledged', { id: p.id }));
  }),
);

handlerBot.callbackQuery(RX.statusMenu, handler, (ctx) =>
  act(ctx, async () => {
    const p = await handling.forHandler(ctx.deps.db, actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('petitions.handle.chooseStatus', { id: p.id }), { reply_markup: statusKeyboard(ctx, p.id) });
  }),
);

handlerBot.callbackQuery(RX.setStatus, handler, (ctx) =>
  act(ctx, async () => {
    const status = ctx.match[2] as 'accepted' | 'investigating';
    const p = await handling.setStatus(
      ctx.deps.db,
      policyFrom(ctx.deps.config),
      actor(ctx),
      Number(ctx.match[1]),
      { status },
      now(ctx),
    );
    ctx.deps.wakeDelivery();
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(
      ctx.t('petitions.handle.statusSet', { id: p.id, status: ctx.t(`petitions.status.${status}`) }),
    );
  }),
);

handlerBot.callbackQuery(RX.transferMenu, handler, (ctx) =>
  act(ctx, async () => {
    const p = await handling.forHandler(ctx.deps.db, actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('petitions.handle.chooseDepartment', { id: p.id }), {
      reply_markup: departmentsKeyboard(ctx, p.id, await petitions.listDepartments(ctx.deps.db)),
    });
  }),
);

handlerBot.callbackQuery(RX.transfer, handler, (ctx) =>
  act(ctx, async () => {
    const p = await handling.setStatus(
      ctx.deps.db,
      policyFrom(ctx.deps.config),
      actor(ctx),
      Number(ctx.match[1]),
      { status: 'transferred', departmentId: Number(ctx.match[2]) },
      now(ctx),
    );
    ctx.deps.wakeDelivery();
    const dept = await petitions.findDepartment(ctx.deps.db, p.department_id!);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(
      ctx.t('petitions.handle.transferred', {
        id: p.id,
        department: ctx.locale === 'en' ? dept!.name_en : dept!.name_zh,
      }),
    );
  }),
);

// Steps that need a text from the deputy: a question, a reply, what was done, why it cannot be done.
const TEXT_STEPS = { askInfo: 'info', reply: 'reply', resolve: 'resolve', unresolvable: 'unresolvable' } as const;
for (const [cb, step] of Object.entries(TEXT_STEPS) as [keyof typeof TEXT_STEPS, string][]) {
  handlerBot.callbackQuery(RX[cb], handler, (ctx) =>
    act(ctx, async () => {
      const p = await handling.forHandler(ctx.deps.db, actor(ctx), Number(ctx.match[1]));
      if ((step === 'resolve' || step === 'unresolvable') && !petitions.isOpen(p)) throw new petitions.PetitionClosed();
      await ctx.answerCallbackQuery();
      await ctx.setFlow('petitions.act', step, { id: p.id });
      await ctx.reply(ctx.t(`petitions.handle.ask.${step}`, { id: p.id }), { reply_markup: cancelKeyboard(ctx) });
    }),
  );
}

// Commands end a flow before this runs (core-bot), so every text here is meant for the step.
pm.on('message:text').filter(inFlow('petitions.act'), handler, async (ctx) => {
  const text = ctx.message.text.trim();
  if ([...text].length < 2 || [...text].length > 1000)
    return void (await ctx.reply(ctx.t('petitions.handle.textAgain'), { reply_markup: cancelKeyboard(ctx) }));
  const id = Number((ctx.flow!.data as { id?: number }).id);
  const step = ctx.flow!.step;
  const policy = policyFrom(ctx.deps.config);
  try {
    if (step === 'info') await handling.askInformation(ctx.deps.db, policy, actor(ctx), id, text, now(ctx));
    else if (step === 'reply') await handling.replyToPetitioner(ctx.deps.db, policy, actor(ctx), id, text, now(ctx));
    else if (step === 'resolve' || step === 'unresolvable')
      await handling.setStatus(
        ctx.deps.db,
        policy,
        actor(ctx),
        id,
        { status: step === 'resolve' ? 'resolved' : 'unresolvable', note: text },
        now(ctx),
      );
    await ctx.endFlow();
    ctx.deps.wakeDelivery();
    await ctx.reply(ctx.t(`petitions.handle.done.${step}`, { id }), { reply_markup: ctx.mainMenu() });
  } catch (e) {
    // Not yours any more, or closed meanwhile: the answer will not change, so the step ends with the error.
    if (e instanceof DomainError) await ctx.endFlow();
    await replyDomainError(ctx, e);
  }
});

// 代表·局长面对面: date → departments present → petitions discussed → outcome.
pm.command('meeting', handler, async (ctx) => {
  await ctx.setFlow('petitions.meeting', 'date', {});
  await ctx.reply(ctx.t('petitions.meeting.askDate', { today: localDate(now(ctx), ctx.deps.config.TIMEZONE) }), {
    reply_markup: cancelKeyboard(ctx),
  });
});

interface MeetingData {
  date?: string;
  departments?: number[];
}
const meeting = (ctx: BotContext) => (ctx.flow?.data ?? {}) as MeetingData;

pm.on('message:text').filter(inFlow('petitions.meeting'), handler, async (ctx, next) => {
  const text = ctx.message.text.trim();
  const step = ctx.flow!.step;
  if (step === 'date') {
    const date = /^(今天|today)$/i.test(text) ? localDate(now(ctx), ctx.deps.config.TIMEZONE) : text;
    if (!isDate(date) || date > localDate(now(ctx), ctx.deps.config.TIMEZONE))
      return void (await ctx.reply(ctx.t('petitions.meeting.dateAgain')));
    await ctx.setFlow('petitions.meeting', 'departments', { date, departments: [] });
    await ctx.reply(ctx.t('petitions.meeting.askDepartments'), {
      reply_markup: meetingDepartmentsKeyboard(ctx, await petitions.listDepartments(ctx.deps.db), []),
    });
  } else if (step === 'items') {
    const ids = [...text.matchAll(/\d{1,9}/g)].map((m) => Number(m[0]));
    if (ids.length === 0) return void (await ctx.reply(ctx.t('petitions.meeting.itemsAgain')));
    for (const id of ids) {
      try {
        await handling.forHandler(ctx.deps.db, actor(ctx), id);
      } catch (e) {
        if (e instanceof petitions.PetitionNotFound || e instanceof handling.NotHandler)
          return void (await ctx.reply(ctx.t('petitions.meeting.notYours', { id })));
        throw e;
      }
    }
    await ctx.setFlow('petitions.meeting', 'outcome', { ...meeting(ctx), items: ids });
    await ctx.reply(ctx.t('petitions.meeting.askOutcome'));
  } else if (step === 'outcome') {
    if ([...text].length < 2 || [...text].length > 1000)
      return void (await ctx.reply(ctx.t('petitions.handle.textAgain')));
    const d = ctx.flow!.data as MeetingData & { items?: number[] };
    await act(ctx, async () => {
      await handling.recordMeeting(
        ctx.deps.db,
        policyFrom(ctx.deps.config),
        actor(ctx),
        { heldOn: d.date!, departmentIds: d.departments ?? [], petitionIds: d.items ?? [], outcome: text },
        now(ctx),
      );
      await ctx.endFlow();
      ctx.deps.wakeDelivery();
      await ctx.reply(ctx.t('petitions.meeting.done', { n: d.items?.length ?? 0 }), { reply_markup: ctx.mainMenu() });
    });
  } else {
    await next();
  }
});

handlerBot.callbackQuery(RX.meetingDept, handler, async (ctx) => {
  if (ctx.flow?.name !== 'petitions.meeting' || ctx.flow.step !== 'departments')
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  const id = Number(ctx.match[1]);
  const departments = await petitions.listDepartments(ctx.deps.db);
  if (!departments.some((d) => d.id === id)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  const chosen = meeting(ctx).departments ?? [];
  const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id];
  await ctx.setFlow('petitions.meeting', 'departments', { ...meeting(ctx), departments: next });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: meetingDepartmentsKeyboard(ctx, departments, next) });
});

handlerBot.callbackQuery(RX.meetingDeptsDone, handler, async (ctx) => {
  if (ctx.flow?.name !== 'petitions.meeting' || ctx.flow.step !== 'departments')
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.setFlow('petitions.meeting', 'items', { ...meeting(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('petitions.meeting.askItems'));
});

function ratesText(ctx: BotContext, title: string, r: Rates) {
  return ctx.t('petitions.stats.block', {
    title,
    filed: r.filed,
    open: r.open,
    overdue: r.overdue,
    response: pct(r.responseRate),
    resolution: pct(r.resolutionRate),
    satisfaction: num(r.satisfaction),
    satisfied: pct(r.satisfiedRate),
    rated: r.rated,
    ackHours: num(r.medianAckHours),
    resolveDays: num(r.medianResolveDays),
  });
}

pm.command('petitionstats', requireRole('staff'), async (ctx) => {
  const at = now(ctx);
  const month = localDate(at, ctx.deps.config.TIMEZONE).slice(0, 7);
  const thisMonth = await responsiveness(
    ctx.deps.db,
    monthStart(month, ctx.deps.config.TIMEZONE),
    at.toISOString(),
    at,
  );
  const all = await responsiveness(ctx.deps.db, '0000', '9999', at);
  const parts = [
    ratesText(ctx, ctx.t('petitions.stats.thisMonth', { month }), thisMonth.overall),
    ratesText(ctx, ctx.t('petitions.stats.allTime'), all.overall),
  ];
  for (const d of all.deputies) parts.push(ratesText(ctx, ctx.t('petitions.stats.deputy', { name: d.name }), d.rates));
  const chunks = splitText(parts.join('\n\n'));
  for (const c of chunks) await ctx.reply(c);
  await ctx.reply(ctx.t('petitions.list.chooseFilter'), {
    reply_markup: filterKeyboard(ctx, await listCommunities(ctx.deps.db)),
  });
});

// /deputies — list; /deputies add <user id> <community id> [category]; /deputies remove <user id> <community id> [category]
pm.command('deputies', requireRole('staff'), async (ctx) => {
  const m = /^(add|remove)\s+(\d{1,15})\s+(\d{1,9})(?:\s+([a-z]+))?$/.exec(ctx.match.trim());
  if (m) {
    const category = m[4] ?? null;
    if (category !== null && !isCategory(category)) return ctx.reply(ctx.t('petitions.deputies.usage'));
    const fn = m[1] === 'add' ? handling.assignDeputy : handling.unassignDeputy;
    const changed = await fn(ctx.deps.db, ctx.user.id, Number(m[2]), Number(m[3]), category, now(ctx)).catch(
      () => null,
    );
    if (changed === null) return ctx.reply(ctx.t('petitions.deputies.unknown'));
    return ctx.reply(
      ctx.t(
        changed
          ? m[1] === 'add'
            ? 'petitions.deputies.added'
            : 'petitions.deputies.removed'
          : 'petitions.deputies.unchanged',
      ),
    );
  }
  if (ctx.match.trim()) return ctx.reply(ctx.t('petitions.deputies.usage'));
  const communities = new Map(
    (await listCommunities(ctx.deps.db)).map((c) => [c.id, ctx.locale === 'en' ? c.name_en : c.name_zh]),
  );
  const lines = (await handling.listAssignments(ctx.deps.db)).map((a) =>
    ctx.t('petitions.deputies.line', {
      user: a.user_id,
      community: communities.get(a.community_id) ?? a.community_id,
      category: a.category ? ctx.t(`petitions.category.${a.category}`) : ctx.t('petitions.deputies.allCategories'),
    }),
  );
  const ids = [...communities.keys()].map((id) => `${id} ${communities.get(id)}`).join('\n');
  await ctx.reply(ctx.t('petitions.deputies.list', { lines: lines.join('\n') || '—', communities: ids }));
});
