import type { Locale } from '../../config';
import type { TFunction } from '../../i18n';
import { type Button, grid, markup } from '../../telegram/markup';
import type { InlineMarkup } from '../../telegram/port';
import type { Exporter, ImportCheck, Importer, Period, Task, Todo } from '../../telegram/workbench';
import { CB } from './callbacks';
import { workbenchPolicy } from './policy';
import { periodCode } from './service';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** The home: what waits first (each line opens its list), then every task as a button, then files in and out. */
export function homeCard(
  t: TFunction,
  who: 'staff' | 'deputy',
  todos: Todo[],
  tasks: Task[],
  files: { imports: boolean; exports: boolean },
): Card {
  const lines = [t(`workbench.home.${who}`)];
  lines.push(todos.length ? t('workbench.home.waiting') : t('workbench.home.nothingWaiting'));
  const rows: Button[][] = todos.map((d) => [{ text: t(d.key, { count: d.count, ...d.params }), data: d.data }]);
  rows.push(...grid(tasks.map((k) => ({ text: t(k.key), data: k.data }))));
  const fileRow: Button[] = [];
  if (files.imports) fileRow.push({ text: t('workbench.imports.button'), data: CB.imports });
  if (files.exports) fileRow.push({ text: t('workbench.exports.button'), data: CB.exports });
  rows.push(fileRow);
  return { text: lines.join('\n\n'), markup: markup(rows) };
}

export const importsCard = (t: TFunction, importers: Importer[]): Card => ({
  text: t('workbench.imports.choose'),
  markup: markup([...importers.map((i) => [{ text: t(i.labelKey), data: CB.importer(i.key) }]), [back(t)]]),
});

export const exportsCard = (t: TFunction, exporters: Exporter[]): Card => ({
  text: t('workbench.exports.choose'),
  markup: markup([...grid(exporters.map((e) => ({ text: t(e.labelKey), data: CB.exporter(e.key) }))), [back(t)]]),
});

export function periodCard(
  t: TFunction,
  locale: Locale,
  exporter: Exporter,
  periods: { period: Period; label: { 'zh-CN': string; en: string } }[],
): Card {
  const buttons = periods.map((p) => ({
    text: p.label[locale],
    data: CB.exportFor(exporter.key, periodCode(p.period)),
  }));
  return {
    text: t('workbench.exports.period', { table: t(exporter.labelKey) }),
    markup: markup([...grid(buttons, 3), [{ text: t('common.back'), data: CB.exports }]]),
  };
}

export const askUpload = (t: TFunction, importer: Importer): Card => ({
  text: t('workbench.imports.askFile', { table: t(importer.labelKey), columns: t(importer.columnsKey) }),
});

/** The check's outcome: what would be written, or every problem (and that nothing was written). */
export function checkCard(t: TFunction, importer: Importer, fileName: string, check: ImportCheck): Card {
  if (check.problems.length) {
    const shown = check.problems.slice(0, workbenchPolicy.problemsShown);
    const lines = shown.map((p) => t('workbench.imports.problem', { row: p.row, message: p.message }));
    const more = check.problems.length - shown.length;
    if (more > 0) lines.push(t('workbench.imports.more', { count: more }));
    return {
      text: t('workbench.imports.rejected', {
        file: fileName,
        count: check.problems.length,
        problems: lines.join('\n'),
      }),
    };
  }
  return {
    text: t('workbench.imports.preview', {
      file: fileName,
      table: t(importer.labelKey),
      add: check.add,
      update: check.update,
    }),
    markup: markup([
      [
        { text: t('workbench.imports.confirm'), data: CB.confirmImport },
        { text: t('common.cancel'), data: CB.home },
      ],
    ]),
  };
}

const back = (t: TFunction): Button => ({ text: t('common.back'), data: CB.home });
