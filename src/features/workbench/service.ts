import { monthLabel } from '../../core/calendar';
import type { Sheet, Table } from '../../core/sheets';
import { addDays, localDate } from '../../core/time';
import type { TxHook } from '../../db/tx';
import type { TFunction } from '../../i18n';
import { hasAny, type Role, recordAudit, type User } from '../../identity';
import type { Platform } from '../../platform';
import type { Feature } from '../../telegram/feature';
import type { Exporter, Importer, Period, Task, Todo } from '../../telegram/workbench';
import { UnknownTable } from './errors';
import { workbenchPolicy } from './policy';

/** The staff and deputy workbench: everything the areas offer, for the person in front of it. */
export type WorkbenchService = ReturnType<typeof createWorkbenchService>;

export const periodCode = (p: Period) =>
  p.kind === 'month' ? `m${p.month}` : p.kind === 'year' ? `y${p.year}` : `d${p.date}`;

export function parsePeriod(code: string): Period | null {
  if (/^m\d{4}-(0[1-9]|1[0-2])$/.test(code)) return { kind: 'month', month: code.slice(1) };
  if (/^y\d{4}$/.test(code)) return { kind: 'year', year: code.slice(1) };
  if (/^d\d{4}-\d{2}-\d{2}$/.test(code)) return { kind: 'day', date: code.slice(1) };
  return null;
}

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export function createWorkbenchService(platform: Platform, features: () => readonly Feature[]) {
  const { db, clock, config } = platform;
  const parts = () => features().flatMap((f) => (f.workbench ? [f.workbench] : []));
  const allowed = (roles: ReadonlySet<Role>, need: Role[]) => hasAny(roles, need);

  return {
    /** What waits for this person, from every area, in area order; lines with nothing waiting are left out. */
    async todos(user: User, roles: ReadonlySet<Role>): Promise<Todo[]> {
      const lists = await Promise.all(parts().map((p) => p.todos?.(user, roles) ?? Promise.resolve([])));
      return lists.flat().filter((t) => t.count > 0);
    },
    tasks: (roles: ReadonlySet<Role>): Task[] =>
      parts()
        .flatMap((p) => p.tasks ?? [])
        .filter((t) => allowed(roles, t.roles))
        .sort((a, b) => a.order - b.order),
    importers: (roles: ReadonlySet<Role>): Importer[] =>
      parts()
        .flatMap((p) => p.imports ?? [])
        .filter((i) => allowed(roles, i.roles)),
    exporters: (roles: ReadonlySet<Role>): Exporter[] =>
      parts()
        .flatMap((p) => p.exports ?? [])
        .filter((e) => allowed(roles, e.roles)),

    /** The importer of that key, if this person may use it (a forged key or role gets nothing). */
    importer(roles: ReadonlySet<Role>, key: string): Importer {
      const i = this.importers(roles).find((x) => x.key === key);
      if (!i) throw new UnknownTable();
      return i;
    },
    exporter(roles: ReadonlySet<Role>, key: string): Exporter {
      const e = this.exporters(roles).find((x) => x.key === key);
      if (!e) throw new UnknownTable();
      return e;
    },

    async applyImport(actor: User, importer: Importer, rows: Table, fileName: string, done?: TxHook) {
      const audit: TxHook = async (trx) => {
        await recordAudit(
          trx,
          { actorId: actor.id, action: 'import', subject: importer.key, details: { fileName, rows: rows.length } },
          clock.now(),
        );
        if (done) await done(trx);
      };
      return importer.apply(actor, rows, audit);
    },

    /** The export's sheets in the reader's language; recorded in the audit log (who took which data, when). */
    async runExport(actor: User, exporter: Exporter, t: TFunction, period: Period | null): Promise<Sheet[]> {
      const sheets = await exporter.sheets(t, period);
      await recordAudit(
        db,
        { actorId: actor.id, action: 'export', subject: exporter.key, details: { period } },
        clock.now(),
      );
      return sheets;
    },

    /** The periods offered for this export: its own days if it names them, else as `periods` says. */
    async periodsOf(exporter: Exporter): Promise<{ period: Period; label: { 'zh-CN': string; en: string } }[]> {
      if (exporter.period !== 'day' || !exporter.days) return exporter.period ? this.periods(exporter.period) : [];
      const days = await exporter.days();
      if (days.length === 0) return this.periods('day');
      return days.map((date) => ({ period: { kind: 'day', date }, label: { 'zh-CN': date, en: date } }));
    },

    /** The periods offered for a report or an export, newest first: this month, last month, … and this year. */
    periods(kind: NonNullable<Exporter['period']>): { period: Period; label: { 'zh-CN': string; en: string } }[] {
      const today = localDate(clock.now(), config.TIMEZONE);
      if (kind === 'day') {
        return Array.from({ length: 8 }, (_, i) => addDays(today, -i)).map((date) => ({
          period: { kind: 'day', date },
          label: { 'zh-CN': date, en: date },
        }));
      }
      const months: string[] = [today.slice(0, 7)];
      while (months.length < workbenchPolicy.monthsOffered) months.push(previousMonth(months.at(-1)!));
      const out = months.map((month) => ({ period: { kind: 'month', month } as Period, label: monthLabel(month) }));
      if (kind === 'month-or-year') {
        const year = today.slice(0, 4);
        out.unshift({ period: { kind: 'year', year }, label: { 'zh-CN': `${year}年`, en: year } });
      }
      return out;
    },
  };
}
