import { readFile, writeFile } from 'node:fs/promises';
import type { LegacyCliCommand as CliCommand } from '../../telegram/legacy';
import { isMonth } from './calendar';
import { monthAt } from './checkin';
import { monthReportCsv } from './report';
import { exportRoster, importRoster } from './roster';
import { seedFestivals } from './settings';

export const reliefCli: Record<string, CliCommand> = {
  'relief import': {
    usage:
      'relief import <file.csv>        load recipients (columns name,category,phone,notes; id to update); all rows or none',
    async run(args, { db, clock, out }) {
      if (!args[0]) throw new Error('usage: relief import <file.csv>');
      // ImportFailed lists every bad row; the CLI prints it and exits non-zero, with nothing written.
      const r = await importRoster(db, null, await readFile(args[0], 'utf8'), clock.now());
      out(`imported: ${r.added} added, ${r.updated} updated`);
    },
  },
  'relief export': {
    usage: 'relief export [file.csv]        the roster as CSV (to the file, or printed)',
    async run(args, { db, out }) {
      const csv = await exportRoster(db);
      if (args[0]) {
        await writeFile(args[0], csv);
        out(`roster written to ${args[0]}`);
      } else out(csv.replace(/^\uFEFF/, '').trimEnd());
    },
  },
  'relief report': {
    usage: "relief report [YYYY-MM] [file]  the month's pickups as CSV (default: this month)",
    async run(args, { db, clock, config, out }) {
      const month = args[0] ?? monthAt(clock.now(), config.TIMEZONE);
      if (!isMonth(month)) throw new Error('usage: relief report [YYYY-MM] [file]');
      const csv = await monthReportCsv(db, month, config.TIMEZONE);
      if (args[1]) {
        await writeFile(args[1], csv);
        out(`report written to ${args[1]}`);
      } else out(csv.replace(/^\uFEFF/, '').trimEnd());
    },
  },
  'relief holidays': {
    usage: 'relief holidays                 add the published festival dates 2025–2027 (safe to run again)',
    async run(_args, { db, out }) {
      out(`festival dates added: ${await seedFestivals(db)}`);
    },
  },
};
