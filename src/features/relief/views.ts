import { InputFile } from 'grammy';
import QRCode from 'qrcode';
import { localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { dateLabel, monthLabel } from './calendar';
import type { Category } from './roster';
import type { HolidayRow, RecipientRow, SettingsRow } from './store';

// Small renderers shared by the resident and staff handlers: facts in, the user's language out.

export const tz = (ctx: BotContext) => ctx.deps.config.TIMEZONE;
export const now = (ctx: BotContext) => ctx.deps.clock.now();
export const thisYear = (ctx: BotContext) => Number(localDate(now(ctx), tz(ctx)).slice(0, 4));
export const dateText = (ctx: BotContext, date: string) => dateLabel(date)[ctx.locale];
export const monthText = (ctx: BotContext, month: string) => monthLabel(month)[ctx.locale];
export const placeText = (ctx: BotContext, s: SettingsRow) => (ctx.locale === 'en' ? s.place_en : s.place_zh);
export const hoursText = (s: SettingsRow) => `${s.hours_from}–${s.hours_to}`;
export const categoryText = (ctx: BotContext, c: string) => ctx.t(`relief.category.${c as Category}`);
export const phoneTail = (phone: string | null) => (phone ? phone.slice(-4) : '—');

export function festivalText(ctx: BotContext, holidays: HolidayRow[]): string {
  if (holidays.length === 0) return '';
  const en = ctx.locale === 'en';
  return ctx.t('relief.notify.festivalLine', {
    names: holidays.map((h) => (en ? h.name_en : h.name_zh)).join(en ? ', ' : '、'),
    extras: holidays.map((h) => (en ? h.extras_en : h.extras_zh)).join(en ? '; ' : '、'),
  });
}

/** One line per recipient in staff lists: name · category · phone tail, marked when linked or inactive. */
export const rosterLabel = (ctx: BotContext, r: RecipientRow) =>
  `${r.active ? '' : '⛔ '}${r.name} · ${categoryText(ctx, r.category)} · ${phoneTail(r.phone)}${r.user_id === null ? '' : ' 🔗'}`;

/** The pickup code as a QR image; staff scan it or read the digits under it. */
export async function sendCodeQr(ctx: BotContext, code: string, caption: string): Promise<void> {
  const png = await QRCode.toBuffer(code, { type: 'png', width: 360, margin: 2, errorCorrectionLevel: 'M' });
  await ctx.replyWithPhoto(new InputFile(png, `code-${code}.png`), { caption });
}

export const deepLink = (ctx: BotContext, code: string) => `https://t.me/${ctx.deps.botUsername()}?start=rl_${code}`;
