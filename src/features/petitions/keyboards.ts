import { InlineKeyboard, Keyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { paged } from '../../telegram/keyboards';
import { CATEGORIES, CB, mapUrl } from './callbacks';
import { isOpen, overdue } from './service';
import type { DepartmentRow, PetitionRow } from './store';
import { listLabel } from './views';

export { CB } from './callbacks';

export function categoryKeyboard(ctx: BotContext): InlineKeyboard {
  const kb = new InlineKeyboard();
  CATEGORIES.forEach((c, i) => {
    kb.text(ctx.t(`petitions.category.${c}`), CB.category(c));
    if (i % 2 === 1) kb.row();
  });
  return kb.text(ctx.t('petitions.new.emergencyButton'), CB.emergency);
}

export const locationKeyboard = (ctx: BotContext) =>
  new Keyboard()
    .requestLocation(ctx.t('petitions.new.shareLocation'))
    .row()
    .text(ctx.t('petitions.new.skipLocation'))
    .row()
    .text(ctx.t('common.cancelButton'))
    .resized()
    .oneTime();

export const notEmergencyKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t('petitions.emergency.notEmergency'), CB.notEmergency);

export const photosDoneKeyboard = (ctx: BotContext, count: number) =>
  new InlineKeyboard().text(ctx.t(count ? 'petitions.new.photosDone' : 'petitions.new.noPhotos'), CB.photosDone);

export const nameKeyboard = (ctx: BotContext) =>
  new InlineKeyboard()
    .text(ctx.t('petitions.new.showName'), CB.showName(true))
    .row()
    .text(ctx.t('petitions.new.hideName'), CB.showName(false));

export const confirmKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t('petitions.new.confirm'), CB.confirm);

export function similarKeyboard(ctx: BotContext, ids: number[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const id of ids) kb.text(ctx.t('petitions.similar.same', { id }), CB.sameAs(id)).row();
  return kb.text(ctx.t('petitions.similar.notSame'), CB.notSame);
}

export const cosignKeyboard = (ctx: BotContext, id: number) =>
  new InlineKeyboard()
    .text(ctx.t('petitions.cosign.withName'), CB.cosign(id, true))
    .row()
    .text(ctx.t('petitions.cosign.withoutName'), CB.cosign(id, false));

/** The petitioner's and co-signers' buttons under their view of a petition. */
export function followerKeyboard(ctx: BotContext, p: PetitionRow, isOwner: boolean, link: string): InlineKeyboard {
  const kb = new InlineKeyboard().text(ctx.t('petitions.btn.again'), CB.again(p.id));
  if (overdue(p, ctx.deps.clock.now())) kb.text(ctx.t('petitions.btn.chase'), CB.chase(p.id));
  kb.row();
  if (isOwner && !isOpen(p) && p.answered_at !== null && p.solved === null) {
    kb.text(ctx.t('petitions.btn.solvedYes'), CB.solved(p.id, 'yes'))
      .text(ctx.t('petitions.btn.solvedPartly'), CB.solved(p.id, 'partly'))
      .text(ctx.t('petitions.btn.solvedNo'), CB.solved(p.id, 'no'))
      .row();
  }
  return kb.url(ctx.t('petitions.btn.forward'), shareUrl(link));
}

export const satisfactionKeyboard = (id: number) => {
  const kb = new InlineKeyboard();
  for (let n = 1; n <= 5; n++) kb.text('⭐'.repeat(n), CB.rate(id, n)).row();
  return kb;
};

const shareUrl = (link: string) => `https://t.me/share/url?url=${encodeURIComponent(link)}`;
export const shareKeyboard = (ctx: BotContext, link: string) =>
  new InlineKeyboard().url(ctx.t('petitions.btn.forward'), shareUrl(link));

export const mineKeyboard = (ctx: BotContext, list: PetitionRow[], page: number) =>
  paged(
    list,
    page,
    6,
    (p) => ({ text: listLabel(ctx, p), data: CB.view(p.id) }),
    (n) => CB.mine(n),
  ).keyboard;

export function handlerKeyboard(ctx: BotContext, p: PetitionRow): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (p.acknowledged_at === null && isOpen(p)) kb.text(ctx.t('petitions.btn.ack'), CB.ack(p.id));
  kb.text(ctx.t('petitions.btn.askInfo'), CB.askInfo(p.id)).row();
  if (isOpen(p)) kb.text(ctx.t('petitions.btn.status'), CB.statusMenu(p.id));
  kb.text(ctx.t('petitions.btn.reply'), CB.reply(p.id)).row();
  if (p.latitude !== null && p.longitude !== null)
    kb.url(ctx.t('petitions.btn.map'), mapUrl(p.latitude, p.longitude)).row();
  return kb;
}

export const statusKeyboard = (ctx: BotContext, id: number) =>
  new InlineKeyboard()
    .text(ctx.t('petitions.status.accepted'), CB.setStatus(id, 'accepted'))
    .text(ctx.t('petitions.status.investigating'), CB.setStatus(id, 'investigating'))
    .row()
    .text(ctx.t('petitions.status.transferred'), CB.transferMenu(id))
    .row()
    .text(ctx.t('petitions.status.resolved'), CB.resolve(id))
    .text(ctx.t('petitions.status.unresolvable'), CB.unresolvable(id))
    .row()
    .text(ctx.t('common.back'), CB.handle(id));

const deptName = (ctx: BotContext, d: DepartmentRow) => (ctx.locale === 'en' ? d.name_en : d.name_zh);

export function departmentsKeyboard(ctx: BotContext, id: number, departments: DepartmentRow[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  departments.forEach((d, i) => {
    kb.text(deptName(ctx, d), CB.transfer(id, d.id));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(ctx.t('common.back'), CB.statusMenu(id));
}

export function meetingDepartmentsKeyboard(
  ctx: BotContext,
  departments: DepartmentRow[],
  chosen: number[],
): InlineKeyboard {
  const kb = new InlineKeyboard();
  departments.forEach((d, i) => {
    kb.text(`${chosen.includes(d.id) ? '✅ ' : ''}${deptName(ctx, d)}`, CB.meetingDept(d.id));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(ctx.t('petitions.meeting.deptsDone'), CB.meetingDeptsDone);
}

export const FILTERS = ['o', 'd', 'x', 'a'] as const;

export function filterKeyboard(
  ctx: BotContext,
  communities: { id: number; name_zh: string; name_en: string }[],
): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const f of FILTERS) kb.text(ctx.t(`petitions.list.filter.${f}`), CB.list(f, 0));
  kb.row();
  CATEGORIES.forEach((c, i) => {
    kb.text(ctx.t(`petitions.category.${c}`), CB.list(`c${c}`, 0));
    if (i % 3 === 2) kb.row();
  });
  for (const c of communities) kb.text(ctx.locale === 'en' ? c.name_en : c.name_zh, CB.list(`m${c.id}`, 0)).row();
  return kb;
}

export const listKeyboard = (ctx: BotContext, list: PetitionRow[], filter: string, page: number) =>
  paged(
    list,
    page,
    8,
    (p) => ({ text: listLabel(ctx, p), data: CB.handle(p.id) }),
    (n) => CB.list(filter, n),
  );
