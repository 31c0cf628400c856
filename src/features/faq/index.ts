import { readFileSync, writeFileSync } from 'node:fs';
import { hasAny } from '../../identity';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { CliCommand, Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import type { LiveAnswer } from '../../telegram/workbench';
import type { ResidentsService } from '../residents/service';
import { handoffEntryBot } from './bot/handoff-entry';
import { handoffsBot, REPLY_LINK, replyLink } from './bot/handoffs';
import { officeHoursBot } from './bot/office-hours';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { CB } from './callbacks';
import { entriesToCsv, inputsFromCsv, inputsFromJson } from './csv';
import { demoFaqEntries, demoInputs } from './demo';
import { entriesSheet, readEntries } from './entries-file';
import { BadFile, FaqFileInvalid, ImportRejected } from './errors';
import { faqFlows } from './flows';
import { faqJobs } from './jobs';
import { createFaqService, type FaqService } from './service';

/** Residents' questions: answers, choices or a person; staff replies relayed; the knowledge base staff keep. */
export function createFaq(
  platform: Platform,
  deps: { residents: ResidentsService; features: () => readonly Pick<Feature, 'liveAnswers'>[] },
) {
  let live: LiveAnswer[] | undefined;
  const service = createFaqService(platform, {
    residents: deps.residents,
    // Asked for on the first question: `features` includes the FAQ itself, so it is complete only after it is built.
    liveAnswers: () => (live ??= deps.features().flatMap((f) => f.liveAnswers ?? [])),
  });
  // Features have no start hook: the index is built while the app is composed, before the first question arrives.
  service.index.warm().catch((err) => platform.log.error({ err }, 'could not build the FAQ index'));
  const hours = officeHoursBot(service);
  const names = [platform.i18n.getFixedT('zh-CN'), platform.i18n.getFixedT('en')];
  const feature: Feature = {
    name: 'faq',
    // Staff flows first: their typed text must not be taken for a question. The resident part answers all other text.
    composer: flatComposer<BotContext>(
      staffBot(service),
      hours.composer,
      handoffsBot(service, platform),
      handoffEntryBot(service),
      residentBot(service),
    ),
    commands: [
      { command: 'faq', descKey: 'faq.commands.faq', scope: 'staff' },
      { command: 'inbox', descKey: 'faq.commands.inbox', scope: 'staff' },
    ],
    menu: [{ key: 'faq.menu.browse', order: 50 }],
    flows: faqFlows,
    answersFreeText: true,
    setup: [
      {
        key: 'faq.officeHours',
        order: 60,
        titleKey: 'faq.setup.title',
        isDone: async () => service.officeHours.isSet(),
        start: hours.start,
      },
    ],
    workbench: {
      // Unanswered questions first; the inbox and the knowledge base are tasks like any other.
      todos: async (_user, roles) =>
        hasAny(roles, ['staff'])
          ? [{ key: 'faq.todo.handoffs', count: await service.handoffs.countOpen(), data: CB.inbox(0) }]
          : [],
      tasks: [
        { key: 'faq.task.inbox', data: CB.inbox(0), roles: ['staff'], order: 40 },
        { key: 'faq.task.entries', data: CB.staffMenu, roles: ['staff'], order: 41 },
      ],
      imports: [
        {
          key: 'faq',
          labelKey: 'faq.file.label',
          columnsKey: 'faq.file.columns',
          roles: ['staff'],
          async check(rows, t) {
            const { inputs, problems } = readEntries(rows, t, names);
            return problems.length ? { add: 0, update: 0, problems } : service.entries.check(inputs, t);
          },
          async apply(actor, rows, done) {
            const { inputs, problems } = readEntries(rows, names[0]!, names);
            if (problems.length) throw new FaqFileInvalid(problems.length);
            try {
              return await service.entries.import(actor.id, inputs, done);
            } catch (err) {
              if (err instanceof ImportRejected) throw new FaqFileInvalid(err.errors.length);
              throw err;
            }
          },
        },
      ],
      exports: [
        {
          key: 'faq',
          labelKey: 'faq.file.label',
          roles: ['staff'],
          sheets: async (t) => [entriesSheet(t, await service.entries.all())],
          fileName: () => 'faq',
        },
      ],
    },
    deepLinks: { [REPLY_LINK]: replyLink(service) },
    jobs: faqJobs(service, platform.log),
    demo: async () => {
      const n = await service.entries.seed(demoInputs());
      return `faq: ${n} new entries (${demoFaqEntries.length} questions in Chinese and English)`;
    },
    cli: {
      'faq import': importVerb(service, platform),
      'faq export': exportVerb(service),
    },
  };
  return { service, feature };
}

function importVerb(faq: FaqService, { i18n }: Pick<Platform, 'i18n'>): CliCommand {
  const t = i18n.getFixedT('en');
  const say = (code: string) =>
    code.startsWith('faq.') ? t(code.replace('faq.', 'faq.errors.')).replace(/<[^>]+>/g, '') : code;
  return {
    usage:
      'faq import <file.json|file.csv>  add or replace entries (by key+lang); nothing is imported if a row is wrong',
    async run(args, out) {
      const file = args[0];
      if (!file) {
        out('usage: faq import <file.json|file.csv>');
        return 2;
      }
      try {
        const text = readFileSync(file, 'utf8');
        const rows = /\.json$/i.test(file) ? inputsFromJson(text) : inputsFromCsv(text);
        const r = await faq.entries.import(null, rows);
        out(`imported ${file}: ${r.added} added, ${r.updated} replaced; a running bot picks them up within a minute`);
        return undefined;
      } catch (err) {
        // The command line's own error path: every wrong row is listed, and the exit code says it failed.
        if (err instanceof ImportRejected) {
          out(`nothing imported: ${err.errors.length} row(s) need fixing`);
          for (const e of err.errors) out(`  row ${e.row}: ${say(e.message)}`);
          return 1;
        }
        if (err instanceof BadFile) {
          out(`nothing imported: ${err.message}`);
          return 1;
        }
        throw err;
      }
    },
  };
}

function exportVerb(faq: FaqService): CliCommand {
  return {
    usage: 'faq export [file.csv]           every entry as CSV (UTF-8 with BOM, opens in Excel)',
    async run(args, out) {
      const csv = entriesToCsv(await faq.entries.all());
      if (args[0]) {
        writeFileSync(args[0], `\ufeff${csv}`); // BOM: Excel reads UTF-8 Chinese correctly only with it
        out(`written ${csv.split('\r\n').length - 2} entries to ${args[0]}`);
      } else out(csv.trimEnd());
      return undefined;
    },
  };
}
