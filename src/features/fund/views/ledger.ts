import type { TFunction } from '../../../i18n';
import { type Button, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { formatYuan as yuan } from '../money';
import type { Entry } from '../store';
import type { Card } from './entry';

type LedgerLine = Entry & { reversedBy: number | null; who: string };

function line(t: TFunction, e: LedgerLine): string {
  const key =
    e.reversesId !== null
      ? 'fund.ledger.reversalLine'
      : e.reversedBy !== null
        ? 'fund.ledger.reversedLine'
        : 'fund.ledger.line';
  return t(key, {
    id: e.id,
    date: e.date,
    amount: yuan(e.direction === 'expense' ? -e.amountFen : e.amountFen),
    what: e.direction === 'income' ? t(`fund.kind.${e.kind}`) : t(`fund.purpose.${e.purpose}`),
    who: e.who,
    note: e.note,
    of: e.reversesId ?? e.reversedBy ?? '',
  });
}

/** The ledger, newest first, with a reversal button for every entry that can still be corrected. */
export function ledgerCard(t: TFunction, l: { entries: LedgerLine[]; page: number; pages: number }): Card {
  const reversible = l.entries.filter((e) => e.reversesId === null && e.reversedBy === null);
  const nav: Button[] = [];
  if (l.page > 0) nav.push({ text: '◀', data: CB.ledger(l.page - 1) });
  if (l.page < l.pages - 1) nav.push({ text: '▶', data: CB.ledger(l.page + 1) });
  return {
    text: [t('fund.ledger.title', { page: l.page + 1, pages: l.pages }), ...l.entries.map((e) => line(t, e))].join(
      '\n',
    ),
    markup: markup([
      reversible.map((e) => ({ text: t('fund.ledger.reverseButton', { id: e.id }), data: CB.reverse(e.id) })),
      nav,
    ]),
  };
}

export const confirmReversal = (t: TFunction, id: number, reason: string): Card => ({
  text: t('fund.reverse.confirm', { id, reason }),
  markup: markup([[{ text: t('fund.reverse.yes'), data: CB.reverseYes }]]),
});
