import type { Table } from '../../../core/sheets';
import { localDate } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import type { TFunction } from '../../../i18n';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import type { ImportCheck } from '../../../telegram/workbench';
import { balancesAt } from '../books';
import { exportCsv, parseCsv, readImport } from '../csv';
import { demoEntries } from '../demo';
import { ImportFailed } from '../errors';
import { plainYuan } from '../money';
import type { NewEntry } from '../store';
import * as store from '../store';
import type { LedgerService } from './ledger';
import type { FundPartners } from './ports';

/** The books as files: CSV import and export for staff who keep them in a spreadsheet, and the demo ledger. */
export function createBooksService(
  { db, clock, i18n, config }: Pick<Platform, 'db' | 'clock' | 'i18n' | 'config'>,
  ledger: LedgerService,
  partners: FundPartners,
) {
  /** Every problem of a table of entries, with its row (1 = the header); nothing is written. */
  async function checkTable(table: Table, t: TFunction, now: Date) {
    const say = (key: string, params?: Record<string, string>) => t(`fund.import.problem.${key}`, params);
    const { rows, errors, refs } = await readImport(
      table,
      {
        partnerByName: (name) => partners.partnerByName(name),
        check: (input, ref) => ledger.check(null, input, { source: 'import', ref }, now),
      },
      say,
    );
    const taken = new Set(await store.refsTaken(db, refs));
    for (const r of rows)
      if (r.ref !== null && taken.has(r.ref)) errors.push({ row: r.line, message: say('refTaken', { value: r.ref }) });
    if (errors.length === 0 && rows.length === 0) errors.push({ row: 1, message: say('empty') });
    return { rows, errors: errors.sort((a, b) => a.row - b.row), say };
  }

  return {
    /** The workbench's preview of an uploaded ledger file: how many entries would be added, and every problem. */
    async checkImport(table: Table, t: TFunction): Promise<ImportCheck> {
      const { rows, errors } = await checkTable(table, t, clock.now());
      return { add: errors.length ? 0 : rows.length, update: 0, problems: errors };
    },

    /** Imports every row or none: a file with any problem is refused whole, each problem named with its row. */
    async importTable(actorId: number | null, table: Table, t: TFunction, done?: TxHook): Promise<number> {
      const now = clock.now();
      const { rows, errors, say } = await checkTable(table, t, now);
      if (errors.length) throw new ImportFailed(errors.map((e) => `row ${e.row}: ${e.message}`));
      const entries: NewEntry[] = [];
      for (const r of rows) entries.push(await ledger.check(actorId, r.input, { source: 'import', ref: r.ref }, now));
      return db.transaction().execute(async (trx) => {
        for (const e of entries) await store.insertEntry(trx, e);
        const b = balancesAt(await store.monthRows(trx));
        if (b.balance < 0) throw new ImportFailed([say('negative', { amount: plainYuan(b.balance) })]);
        await recordAudit(
          trx,
          { actorId, action: 'fund.import', subject: null, details: { entries: entries.length } },
          now,
        );
        await runHooks(trx, done);
        return entries.length;
      });
    },

    /** A CSV file's entries (the command line; problems in English), all or none. */
    importCsv(text: string): Promise<number> {
      return this.importTable(null, parseCsv(text), i18n.getFixedT('en'));
    },

    /** Entries dated in [from, to), reversals included, with the names of the partners who gave. */
    async entriesBetween(from: string, to: string) {
      const entries = await store.entriesBetween(db, from, to);
      const names = await partners.partnerNames(entries.flatMap((e) => (e.partnerId === null ? [] : [e.partnerId])));
      return { entries, names };
    },

    /** Every entry, reversals included, as CSV. */
    async exportCsv(): Promise<string> {
      const entries = await store.allEntries(db);
      const names = await partners.partnerNames(entries.flatMap((e) => (e.partnerId === null ? [] : [e.partnerId])));
      return exportCsv(entries, names);
    },

    /** Loads the demo ledger (and the demo partners it names); entries already present by ref are skipped. */
    async loadDemo(): Promise<number> {
      await partners.loadDemoPartners();
      const seeds = await demoEntries(
        async (name) => {
          const p = await partners.partnerByName(name);
          if (!p) throw new Error(`demo partner ${name} is missing`);
          return p.id;
        },
        localDate(clock.now(), config.TIMEZONE),
      );
      const taken = new Set(
        await store.refsTaken(
          db,
          seeds.map((s) => s.ref),
        ),
      );
      const now = clock.now();
      const entries: NewEntry[] = [];
      for (const s of seeds.filter((x) => !taken.has(x.ref)))
        entries.push(await ledger.check(null, s.input, { source: 'seed', ref: s.ref }, now));
      await db.transaction().execute(async (trx) => {
        for (const e of entries) await store.insertEntry(trx, e);
      });
      return entries.length;
    },
  };
}
