import type { TFunction } from '../../i18n';
import { type Button, markup } from '../../telegram/markup';
import type { InlineMarkup } from '../../telegram/port';
import type { SetupStep } from '../../telegram/workbench';
import { CB } from './callbacks';
import type { StepState } from './service';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** The first admin's welcome on an empty database: how many steps, and that each can be changed later. */
export const introCard = (t: TFunction, name: string, steps: number): Card => ({
  text: t('setup.intro', { name, count: steps }),
});

/**
 * Above each step's own conversation: where the admin is. In the walk-through a step can be skipped (it waits in
 * ⚙️ 设置); opened again from ⚙️ 设置 it is just named.
 */
export function stepHeader(t: TFunction, step: SetupStep, at: { index: number; total: number } | null): Card {
  if (!at) return { text: t('setup.redo', { title: t(step.titleKey) }) };
  return {
    text: t('setup.step', { index: at.index, total: at.total, title: t(step.titleKey) }),
    markup: markup([[{ text: t('setup.skip'), data: CB.skip(step.key) }]]),
  };
}

/** ⚙️ 设置: every step with its state, each a button to do it (again); before residents are let in, the way to. */
export function menuCard(t: TFunction, states: StepState[], complete: boolean): Card {
  const mark = (s: StepState) => (s.done ? '✅' : '⬜');
  const lines = states.map((s) => `${mark(s)} ${t(s.step.titleKey)}`);
  const rows: Button[][] = states.map((s) => [{ text: `${mark(s)} ${t(s.step.titleKey)}`, data: CB.step(s.step.key) }]);
  const missing = states.filter((s) => !s.done).length;
  let footer = t('setup.panel.tap');
  if (!complete) {
    footer = t(missing ? 'setup.panel.notOpenMissing' : 'setup.panel.notOpen', { count: missing });
    rows.push([{ text: t('setup.open'), data: CB.open }]);
  }
  return { text: [t('setup.panel.title'), lines.join('\n'), footer].join('\n\n'), markup: markup(rows) };
}

/** The set-up is finished: who was told, and what comes next (staff and deputies are invited from 🧰). */
export const doneCard = (t: TFunction, greeted: number): Card => ({ text: t('setup.done', { count: greeted }) });
