import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { exportCsv, readImport } from '../csv';
import { demoEntries } from '../demo';
import { ImportFailed } from '../errors';
import { balances } from '../ledger';
import { plainYuan } from '../money';
import type { NewEntry } from '../store';
import * as store from '../store';
import type { LedgerService } from './ledger';
import type { FundPartners } from './ports';

/** The books as files: CSV import and export for staff who keep them in a spreadsheet, and the demo ledger. */
export function createBooksService(
  { db, clock }: Pick<Platform, 'db' | 'clock'>,
  ledger: LedgerService,
  partners: FundPartners,
) {
  return {
    /** Imports every row or none: a file with any problem is refused whole, each problem named with its row. */
    async importCsv(text: string): Promise<number> {
      const now = clock.now();
      const { rows, errors, refs } = await readImport(text, {
        partnerByName: (name) => partners.partnerByName(name),
        check: (input, ref) => ledger.check(null, input, { source: 'import', ref }, now),
      });
      for (const t of await store.refsTaken(db, refs)) errors.push(`ref "${t}" was already imported`);
      if (errors.length) throw new ImportFailed(errors);
      if (rows.length === 0) throw new ImportFailed(['the file has no entries']);
      const entries: NewEntry[] = [];
      for (const r of rows) entries.push(await ledger.check(null, r.input, { source: 'import', ref: r.ref }, now));
      return db.transaction().execute(async (trx) => {
        for (const e of entries) await store.insertEntry(trx, e);
        const b = balances(await store.totals(trx));
        if (b.balance < 0)
          throw new ImportFailed([
            `after this import the fund would be ${plainYuan(b.balance)} yuan: expenses exceed income`,
          ]);
        await recordAudit(
          trx,
          { actorId: null, action: 'fund.import', subject: null, details: { entries: entries.length } },
          now,
        );
        return entries.length;
      });
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
      const seeds = await demoEntries(async (name) => {
        const p = await partners.partnerByName(name);
        if (!p) throw new Error(`demo partner ${name} is missing`);
        return p.id;
      });
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
