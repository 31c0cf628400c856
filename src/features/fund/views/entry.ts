import type { Locale } from '../../../config';
import { dateLabel } from '../../../core/calendar';
import { addDays } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import { grid, markup } from '../../../telegram/markup';
import type { InlineMarkup } from '../../../telegram/port';
import { CB } from '../callbacks';
import type { Draft } from '../flows';
import { DONOR_KINDS, INCOME_KINDS, type IncomeKind, PURPOSES } from '../ledger';
import { formatYuan as yuan } from '../money';

// The cards of recording an entry (/fundadd), one per step.

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

export const askDirection = (t: TFunction): Card => ({
  text: t('fund.add.askDirection'),
  markup: markup([
    [
      { text: t('fund.add.income'), data: CB.direction('i') },
      { text: t('fund.add.expense'), data: CB.direction('e') },
    ],
  ]),
});

export const askKind = (t: TFunction): Card => ({
  text: t('fund.add.askKind'),
  markup: markup(grid(INCOME_KINDS.map((k) => ({ text: t(`fund.kind.${k}`), data: CB.kind(k) })))),
});

export const askPurpose = (t: TFunction): Card => ({
  text: t('fund.add.askPurpose'),
  markup: markup(grid(PURPOSES.map((p) => ({ text: t(`fund.purpose.${p}`), data: CB.purpose(p) })))),
});

export const askDonor = (t: TFunction, kind: IncomeKind): Card => ({
  text: t('fund.add.askDonor', { kind: t(`fund.kind.${kind}`) }),
  markup: markup(
    grid(
      DONOR_KINDS.map((d) => ({ text: t(`fund.donorKind.${d}`), data: CB.donorKind(d) })),
      1,
    ),
  ),
});

export const askPartner = (t: TFunction, partners: { id: number; name: string }[]): Card => ({
  text: t('fund.add.askPartner'),
  markup: markup(grid(partners.map((p) => ({ text: p.name, data: CB.donorPartner(p.id) })))),
});

export const askConsent = (t: TFunction, name: string): Card => ({
  text: t('fund.add.askConsent', { name }),
  markup: markup([
    [{ text: t('fund.consent.yes'), data: CB.consent(1) }],
    [{ text: t('fund.consent.no'), data: CB.consent(0) }],
  ]),
});

export const askRestriction = (t: TFunction): Card => ({
  text: t('fund.add.askRestriction'),
  markup: markup(
    grid(
      [
        { text: t('fund.add.unrestricted'), data: CB.restrict('none') },
        ...PURPOSES.map((p) => ({
          text: t('fund.add.restrictedTo', { purpose: t(`fund.purpose.${p}`) }),
          data: CB.restrict(p),
        })),
      ],
      1,
    ),
  ),
});

/** A ledger date in words, with its year (a ledger spans years): "2025年12月1日（周一）" / "Mon 1 Dec 2025". */
export function dayText(locale: Locale, date: string): string {
  const year = date.slice(0, 4);
  return locale === 'en' ? `${dateLabel(date).en} ${year}` : `${year}年${dateLabel(date)['zh-CN']}`;
}

/** The day of the money: today and yesterday a tap away, any other day typed the way people say it. */
export const askDate = (t: TFunction, locale: Locale, today: string): Card => ({
  text: t('fund.add.askDate'),
  markup: markup([
    [
      { text: t('fund.add.today', { date: dateLabel(today)[locale] }), data: CB.today },
      { text: t('fund.add.yesterday', { date: dateLabel(addDays(today, -1))[locale] }), data: CB.yesterday },
    ],
  ]),
});

/**
 * The date understood, said back in words, then the note: income may go without one (a skip button); an expense
 * must say what it paid for.
 */
export function askNote(t: TFunction, locale: Locale, date: string, income: boolean): Card {
  const heard = t('fund.add.dateSet', { date: dayText(locale, date) });
  return income
    ? {
        text: `${heard}\n${t('fund.add.askNoteOptional')}`,
        markup: markup([[{ text: t('fund.add.skipNote'), data: CB.skipNote }]]),
      }
    : { text: `${heard}\n${t('fund.add.askNote')}` };
}

/** The review before saving: everything chosen, and that an entry cannot be edited once saved. */
export function review(t: TFunction, locale: Locale, d: Draft, partnerName: string | undefined): Card {
  const what =
    d.direction === 'income'
      ? t('fund.add.reviewIncome', {
          kind: t(`fund.kind.${d.kind}`),
          donor: d.donorKind === 'anonymous' ? t('fund.donorKind.anonymous') : (partnerName ?? d.donorName ?? ''),
          consent: t(d.public ? 'fund.add.named' : 'fund.add.notNamed'),
          restriction: d.purpose
            ? t('fund.add.restrictedTo', { purpose: t(`fund.purpose.${d.purpose}`) })
            : t('fund.add.unrestricted'),
        })
      : t('fund.add.reviewExpense', { purpose: t(`fund.purpose.${d.purpose}`) });
  return {
    text: t('fund.add.review', {
      what,
      amount: yuan(d.amountFen ?? 0),
      date: d.date ? dayText(locale, d.date) : '—',
      note: d.note || '—',
    }),
    markup: markup([[{ text: t('fund.add.save'), data: CB.save }]]),
  };
}
