import type { TFunction } from '../../../i18n';
import { grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { formatYuan as yuan } from '../money';
import { fundPolicy } from '../policy';
import type { Pledge } from '../store';
import type { Card } from './entry';

// Monthly giving: no online payment exists, and the cards say so before anyone promises anything.

export const existingPledge = (t: TFunction, p: Pledge): Card => ({
  text: t('fund.pledge.existing', { amount: yuan(p.amountFen), day: p.dayOfMonth }),
  markup: markup([[{ text: t('fund.pledge.cancelButton'), data: CB.pledgeCancel(p.id) }]]),
});

export const pledgeIntro = (t: TFunction): Card => ({
  text: t('fund.pledge.intro'),
  markup: markup(
    grid(
      fundPolicy.pledgeAmountsFen.map((fen) => ({
        text: t('fund.pledge.amountButton', { amount: yuan(fen) }),
        data: CB.pledgeAmount(fen),
      })),
    ),
  ),
});

export const askPledgeDay = (t: TFunction, amountFen: number): Card => ({
  text: t('fund.pledge.askDay', { amount: yuan(amountFen) }),
  markup: markup(
    grid(
      fundPolicy.pledgeDays.map((d) => ({ text: t('fund.pledge.dayButton', { day: d }), data: CB.pledgeDay(d) })),
      3,
    ),
  ),
});

export const askPledgeName = (t: TFunction): Card => ({
  text: t('fund.pledge.askName'),
  markup: markup([
    [{ text: t('fund.consent.yes'), data: CB.pledgeName(1) }],
    [{ text: t('fund.consent.no'), data: CB.pledgeName(0) }],
  ]),
});

/** Staff: the pledged months reminded but not yet received; a tap records one. */
export function pendingPledges(
  t: TFunction,
  months: { pledgeId: number; month: string; amountFen: number; name: string }[],
): Card {
  if (months.length === 0) return { text: t('fund.pledge.noPending') };
  const buttons = months.map((m) => ({
    text: t('fund.pledge.receivedButton', { name: m.name, month: m.month, amount: yuan(m.amountFen) }),
    data: CB.confirmPledge(m.pledgeId, m.month),
  }));
  return { text: t('fund.pledge.pendingTitle'), markup: markup(grid(buttons, 1)) };
}
