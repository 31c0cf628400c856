import { parseCsv, toCsv } from '../../../core/csv';
import type { Sheet, Table } from '../../../core/sheets';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import type { TFunction } from '../../../i18n';
import { recordAudit } from '../../../identity';
import type { ImportCheck } from '../../../telegram/workbench';
import { ImportFailed, RosterFileInvalid } from '../errors';
import { CATEGORY_ZH } from '../recipients';
import { EXPORT_COLUMNS, problemLines, type RosterRow, readRoster } from '../roster-file';
import * as store from '../store';
import type { ReliefDeps } from './deps';

export interface ImportResult {
  added: number;
  updated: number;
}

/**
 * The roster in and out of spreadsheets: checked in full before anything is written, then written all or nothing —
 * a file sent to the workbench (XLSX or CSV) and a CSV given to the command line follow the same rules.
 */
export function rosterFileService({ db, clock, i18n }: ReliefDeps) {
  // The command line's problems are in English, as its other messages.
  const cliT = i18n.getFixedT('en');

  /** Writes checked rows and the audit entry in the caller's transaction. */
  async function write(trx: DbOrTx, actorId: number | null, rows: RosterRow[]): Promise<ImportResult> {
    const now = clock.now();
    const at = now.toISOString();
    let added = 0;
    let updated = 0;
    for (const p of rows) {
      if (p.id === null) {
        await store.insertRecipient(trx, { ...p.v, active: p.active ?? true, at });
        added++;
      } else {
        await store.updateRecipient(trx, p.id, { ...p.v, ...(p.active === null ? {} : { active: p.active }), at });
        updated++;
      }
    }
    const details = { added, updated };
    await recordAudit(trx, { actorId, action: 'relief.roster.import', subject: 'relief_recipients', details }, now);
    return details;
  }

  return {
    /** What the file would change, and every problem with its row, in the reader's language. Nothing is written. */
    async checkRosterFile(table: Table, t: TFunction): Promise<ImportCheck> {
      const { rows, problems } = readRoster(table, await store.listRecipients(db), t);
      const add = rows.filter((r) => r.id === null).length;
      return { add, update: rows.length - add, problems };
    },

    /** The file written all or nothing, checked again against the roster as it is now; `done` runs with it. */
    async importRosterFile(actorId: number, table: Table, done?: TxHook): Promise<ImportResult> {
      return db.transaction().execute(async (trx) => {
        const { rows, problems } = readRoster(table, await store.listRecipients(trx), cliT);
        if (problems.length) throw new RosterFileInvalid(problems.length);
        const result = await write(trx, actorId, rows);
        await runHooks(trx, done);
        return result;
      });
    },

    /**
     * The command line's import (header row: name, category, phone, notes; optional id to update, active). One bad
     * row means nothing is written: ImportFailed names every bad row and what is wrong with it.
     */
    async importRoster(actorId: number | null, text: string): Promise<ImportResult> {
      const table = parseCsv(text, { keepBlankRows: true });
      return db.transaction().execute(async (trx) => {
        const { rows, problems } = readRoster(table, await store.listRecipients(trx), cliT);
        if (problems.length) throw new ImportFailed(problemLines(problems));
        return write(trx, actorId, rows);
      });
    },

    /** The roster for the command line, in the import format (plus whether each is linked). */
    async exportRoster(): Promise<string> {
      const out: (string | number | null)[][] = [[...EXPORT_COLUMNS]];
      for (const r of await store.listRecipients(db))
        out.push([
          r.id,
          r.name,
          CATEGORY_ZH[r.category] ?? r.category,
          r.phone,
          r.notes,
          r.active ? 1 : 0,
          r.userId === null ? 0 : 1,
        ]);
      // With a byte-order mark so Excel opens the Chinese text as UTF-8.
      return toCsv(out, { bom: true });
    },

    /** The roster as staff download it, in their language; edited and sent back, it updates people by id. */
    async rosterSheet(t: TFunction): Promise<Sheet> {
      const yesNo = (b: boolean) => t(b ? 'relief.csv.yes' : 'relief.csv.no');
      const rows = (await store.listRecipients(db)).map((r) => [
        r.id,
        r.name,
        t(`relief.category.${r.category}`),
        r.phone ?? '',
        r.notes ?? '',
        t(r.active ? 'relief.file.active' : 'relief.file.inactive'),
        yesNo(r.userId !== null),
      ]);
      const header = EXPORT_COLUMNS.map((c) => t(`relief.file.column.${c}`));
      return { name: t('relief.file.rosterSheet'), header, rows };
    },
  };
}
