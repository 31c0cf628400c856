import { readFileSync, writeFileSync } from 'node:fs';
import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { fundBot } from './bot';
import { pledgeBot } from './bot-pledge';
import { reportBot } from './bot-report';
import { staffBot } from './bot-staff';
import { exportCsv, IMPORT_COLUMNS, ImportFailed, importCsv, parseCsv, toCsv } from './csv';
import { fundJobs } from './jobs';
import { communityReport, parsePeriod, type ReportSources, reportRows } from './report';
import { seedDemoLedger } from './seed';

export const createFundFeature = (sources: ReportSources): Feature => ({
  name: 'fund',
  composer: new Composer<BotContext>(fundBot, pledgeBot, staffBot, reportBot(sources)),
  commands: [
    { command: 'fund', descKey: 'fund.commands.fund', scope: 'all' },
    { command: 'fundadd', descKey: 'fund.commands.fundadd', scope: 'staff' },
    { command: 'fundlog', descKey: 'fund.commands.fundlog', scope: 'staff' },
    { command: 'pledges', descKey: 'fund.commands.pledges', scope: 'staff' },
    { command: 'report', descKey: 'fund.commands.report', scope: 'staff' },
  ],
  menu: [{ key: 'fund.menu.fund', order: 40 }],
  jobs: fundJobs,
  seedDemo: async ({ db, clock, config }) => {
    const n = await seedDemoLedger(db, clock.now(), config.TIMEZONE);
    return `fund: ${n} new demo entries (founding donations of 2024-07-04, 100,500 yuan from 25 donors; 4,222 yuan self-generated)`;
  },
  cli: {
    'fund import': {
      usage: `fund import <file.csv>          add ledger entries; columns ${IMPORT_COLUMNS.join(',')}; all rows or none`,
      run: async (args, { db, clock, config, out }) => {
        if (!args[0]) return out('usage: fund import <file.csv>');
        try {
          const n = await importCsv(db, readFileSync(args[0], 'utf8'), clock.now(), config.TIMEZONE);
          out(`imported ${n} entries from ${args[0]}`);
        } catch (e) {
          if (!(e instanceof ImportFailed)) throw e;
          out(`nothing was imported; fix these ${e.errors.length} problem(s) and run it again:`);
          for (const line of e.errors) out(`  ${line}`);
          throw new Error(`${args[0]}: nothing was imported`);
        }
      },
    },
    report: {
      usage:
        'report <YYYY-MM|YYYY> [file.csv]  the community report (market, relief, petitions, fund, volunteers) as CSV',
      run: async (args, { db, clock, config, out }) => {
        const period = parsePeriod(args[0] ?? '');
        if (!period) throw new Error('usage: report <YYYY-MM|YYYY> [file.csv]');
        const csv = toCsv([
          ['metric', 'value'],
          ...reportRows(await communityReport(db, sources, period, clock.now(), config.TIMEZONE)),
        ]);
        if (args[1]) {
          writeFileSync(args[1], `\ufeff${csv}`);
          out(`written the ${period.label} report to ${args[1]}`);
        } else out(csv.trimEnd());
      },
    },
    'fund export': {
      usage: 'fund export [file.csv]          every ledger entry, reversals included, as CSV',
      run: async (args, { db, out }) => {
        const csv = await exportCsv(db);
        if (args[0]) {
          writeFileSync(args[0], `\ufeff${csv}`); // BOM: Excel opens UTF-8 Chinese correctly only with it
          out(`written ${parseCsv(csv).length - 1} entries to ${args[0]}`);
        } else out(csv.trimEnd());
      },
    },
  },
});
