import { readFile, writeFile } from 'node:fs/promises';
import type { TFunction } from '../../i18n';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { CliCommand, Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { seedReliefDemo } from './demo';
import { reliefFlows } from './flows';
import { reliefJobs } from './jobs';
import { isMonth } from './months';
import { createReliefService, type ReliefAreas, type ReliefService } from './service';
import { reliefWorkbench } from './workbench';

/**
 * The monthly relief-package pickup at the charity supermarket. The residents service says where someone asking
 * about it lives.
 */
export function createRelief(platform: Platform, areas: Required<ReliefAreas>) {
  const service = createReliefService(platform, areas);
  const resident = residentBot(service, platform);
  const staff = staffBot(service, platform);
  const feature: Feature = {
    name: 'relief',
    // Resident view first; every staff composer guards each of its commands, buttons and flow steps itself.
    composer: flatComposer<BotContext>(resident.composer, staff.composer),
    commands: [
      { command: 'relief', descKey: 'relief.commands.relief', scope: 'all' },
      { command: 'checkin', descKey: 'relief.commands.checkin', scope: 'staff' },
      { command: 'roster', descKey: 'relief.commands.roster', scope: 'staff' },
      { command: 'relief_report', descKey: 'relief.commands.report', scope: 'staff' },
      { command: 'relief_settings', descKey: 'relief.commands.settings', scope: 'staff' },
    ],
    menu: [{ key: 'relief.menu.main', order: 20 }],
    flows: reliefFlows,
    jobs: reliefJobs(service),
    demo: () => seedReliefDemo(platform, service),
    // The command line speaks the deployment's default language, in the report's headers as elsewhere.
    cli: reliefCli(service, platform.i18n.getFixedT(platform.config.DEFAULT_LOCALE)),
    deepLinks: { rl_: resident.openLink },
    workbench: reliefWorkbench(service),
    setup: [
      {
        key: 'relief-supermarket',
        order: 40,
        titleKey: 'relief.supermarket.title',
        isDone: () => service.supermarketSet(),
        start: staff.startSupermarket,
      },
    ],
    audiences: {
      'relief.recipients': {
        labelKey: 'relief.audience.recipients',
        userIds: () => service.reachableByRelief(),
      },
    },
  };
  return { service, feature };
}

/** `npm run cli -- relief <verb>`: the roster in and out of spreadsheets, the month's report, the festival dates. */
function reliefCli(relief: ReliefService, t: TFunction): Record<string, CliCommand> {
  const toFileOrOut = async (csv: string, file: string | undefined, what: string, out: (l: string) => void) => {
    if (!file) return out(csv.replace(/^\uFEFF/, '').trimEnd());
    await writeFile(file, csv);
    out(`${what} written to ${file}`);
  };
  return {
    'relief import': {
      usage:
        'relief import <file.csv>        load recipients (columns name,category,phone,notes; id to update);' +
        ' all rows or none',
      async run(args, out) {
        if (!args[0]) throw new Error('usage: relief import <file.csv>');
        // ImportFailed lists every bad row; the CLI prints it and exits non-zero, with nothing written.
        const r = await relief.importRoster(null, await readFile(args[0], 'utf8'));
        out(`imported: ${r.added} added, ${r.updated} updated`);
        return undefined;
      },
    },
    'relief export': {
      usage: 'relief export [file.csv]        the roster as CSV (to the file, or printed)',
      async run(args, out) {
        await toFileOrOut(await relief.exportRoster(), args[0], 'roster', out);
        return undefined;
      },
    },
    'relief report': {
      usage: "relief report [YYYY-MM] [file]  the month's pickups as CSV (default: this month)",
      async run(args, out) {
        const month = args[0] ?? relief.thisMonth();
        if (!isMonth(month)) throw new Error('usage: relief report [YYYY-MM] [file]');
        await toFileOrOut(await relief.monthReportCsv(month, t), args[1], 'report', out);
        return undefined;
      },
    },
    'relief holidays': {
      usage: 'relief holidays                 add the published festival dates 2025–2027 (safe to run again)',
      async run(_args, out) {
        out(`festival dates added: ${await relief.seedFestivals()}`);
        return undefined;
      },
    },
  };
}
