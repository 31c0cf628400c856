import { readFileSync, writeFileSync } from 'node:fs';
import { readTable } from '../../core/sheets';
import type { TFunction } from '../../i18n';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { CliCommand, Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import { ledgerBot } from './bot/ledger';
import { pledgeBot } from './bot/pledge';
import { reportBot } from './bot/report';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { CB } from './callbacks';
import { IMPORT_COLUMNS, parseCsv, toCsv } from './csv';
import { ImportFailed } from './errors';
import { addFlow, pledgeFlow, reverseFlow } from './flows';
import { fundJobs } from './jobs';
import { parsePeriod, reportRows } from './report';
import { createFundService, type FundDeps, type FundService } from './service';
import { fundExporters } from './sheets';

export type { ReportSources } from './report';
export type { FundService } from './service';

/** The community fund: the ledger in fen, pledges, the monthly statement, and the community report. */
export function createFund(platform: Platform, deps: FundDeps) {
  const service = createFundService(platform, deps);
  const feature: Feature = {
    name: 'fund',
    composer: flatComposer<BotContext>(
      residentBot(service),
      pledgeBot(service),
      staffBot(service, platform),
      ledgerBot(service),
      reportBot(service, platform),
    ),
    commands: [
      { command: 'fund', descKey: 'fund.commands.fund', scope: 'all' },
      { command: 'fundadd', descKey: 'fund.commands.fundadd', scope: 'staff' },
      { command: 'fundlog', descKey: 'fund.commands.fundlog', scope: 'staff' },
      { command: 'pledges', descKey: 'fund.commands.pledges', scope: 'staff' },
      { command: 'report', descKey: 'fund.commands.report', scope: 'staff' },
    ],
    menu: [{ key: 'fund.menu.fund', order: 40 }],
    flows: [addFlow, reverseFlow, pledgeFlow],
    jobs: fundJobs(service),
    workbench: {
      tasks: [
        { key: 'fund.task.add', data: CB.add, roles: ['staff'], order: 40 },
        { key: 'fund.task.ledger', data: CB.ledger(0), roles: ['staff'], order: 41 },
        { key: 'fund.task.pledges', data: CB.pledges, roles: ['staff'], order: 42 },
        { key: 'fund.task.report', data: CB.reportMenu, roles: ['staff'], order: 43 },
      ],
      imports: [
        {
          key: 'fund-ledger',
          labelKey: 'fund.import.label',
          columnsKey: 'fund.import.columns',
          roles: ['staff'],
          check: (rows, t) => service.checkImport(rows, t),
          apply: async (actor, rows, done) => ({
            added: await service.importTable(
              actor.id,
              rows,
              platform.i18n.getFixedT(platform.config.DEFAULT_LOCALE),
              done,
            ),
            updated: 0,
          }),
        },
      ],
      exports: fundExporters(service),
    },
    demo: async () => {
      const n = await service.loadDemo();
      const what = 'founding donations of 2024-07-04, 100,500 yuan from 25 donors; ordinary months up to today';
      return `fund: ${n} new demo entries (${what})`;
    },
    cli: fundCli(service, platform.i18n.getFixedT('en')),
  };
  return { service, feature };
}

/** BOM first: Excel opens UTF-8 Chinese correctly only with it. */
const writeCsv = (file: string, csv: string) => writeFileSync(file, `\ufeff${csv}`);

/** A verb that prints what it did; a thrown error exits 1 with its message. */
const verb = (usage: string, run: (args: string[], out: (line: string) => void) => Promise<void>): CliCommand => ({
  usage,
  run: async (args, out) => {
    await run(args, out);
    return undefined;
  },
});

function fundCli(fund: FundService, en: TFunction): Record<string, CliCommand> {
  return {
    'fund import': verb(
      `fund import <file.csv>          add ledger entries; columns ${IMPORT_COLUMNS.join(',')}; all rows or none`,
      async (args, out) => {
        if (!args[0]) return out('usage: fund import <file.csv>');
        try {
          const table = await readTable(readFileSync(args[0]));
          out(`imported ${await fund.importTable(null, table, en)} entries from ${args[0]}`);
        } catch (e) {
          // The command line lists every problem, where the bot would show only the count.
          if (!(e instanceof ImportFailed)) throw e;
          out(`nothing was imported; fix these ${e.errors.length} problem(s) and run it again:`);
          for (const line of e.errors) out(`  ${line}`);
          throw new Error(`${args[0]}: nothing was imported`);
        }
      },
    ),
    report: verb(
      'report <YYYY-MM|YYYY> [file.csv]  the community report (market, relief, petitions, fund, volunteers) as CSV',
      async (args, out) => {
        const period = parsePeriod(args[0] ?? '');
        if (!period) throw new Error('usage: report <YYYY-MM|YYYY> [file.csv]');
        const csv = toCsv([['metric', 'value'], ...reportRows(await fund.report(period))]);
        if (!args[1]) return out(csv.trimEnd());
        writeCsv(args[1], csv);
        out(`written the ${period.label} report to ${args[1]}`);
      },
    ),
    'fund export': verb(
      'fund export [file.csv]          every ledger entry, reversals included, as CSV',
      async (args, out) => {
        const csv = await fund.exportCsv();
        if (!args[0]) return out(csv.trimEnd());
        writeCsv(args[0], csv);
        out(`written ${parseCsv(csv).length - 1} entries to ${args[0]}`);
      },
    ),
  };
}
