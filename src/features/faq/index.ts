import { readFileSync, writeFileSync } from 'node:fs';
import { Composer } from 'grammy';
import { createI18n } from '../../i18n';
import type { BotContext } from '../../telegram/context';
import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { residentBot } from './bot-resident';
import { staffBot } from './bot-staff';
import { BadFile, entriesToCsv, inputsFromCsv, inputsFromJson } from './csv';
import { demoFaqEntries } from './demo-entries';
import { allEntries, type EntryInput, ImportRejected, importEntries, seedEntries } from './entries';
import { faqJobs } from './jobs';

const demoInputs = (): EntryInput[] =>
  demoFaqEntries.flatMap((e) => [
    { key: e.key, lang: 'zh-CN', category: e.category, ...e.zh },
    { key: e.key, lang: 'en', category: e.category, ...e.en },
  ]);

export const faqFeature: Feature = {
  name: 'faq',
  // Staff flows first: their typed text must not be taken for a question. The resident part answers all other text.
  composer: new Composer<BotContext>(staffBot, residentBot),
  commands: [
    { command: 'faq', descKey: 'faq.commands.faq', scope: 'staff' },
    { command: 'inbox', descKey: 'faq.commands.inbox', scope: 'staff' },
  ],
  menu: [{ key: 'faq.menu.browse', order: 50 }],
  answersFreeText: true,
  jobs: faqJobs,
  seedDemo: async ({ db, clock }) => {
    const n = await seedEntries(db, demoInputs(), clock.now());
    return `faq: ${n} new entries (${demoFaqEntries.length} questions in Chinese and English)`;
  },
  cli: {
    'faq import': {
      usage:
        'faq import <file.json|file.csv>  add or replace entries (by key+lang); nothing is imported if a row is wrong',
      run: async (args, { db, clock, out }) => {
        const file = args[0];
        if (!file) {
          out('usage: faq import <file.json|file.csv>');
          return 2;
        }
        try {
          const text = readFileSync(file, 'utf8');
          const rows = /\.json$/i.test(file) ? inputsFromJson(text) : inputsFromCsv(text);
          const r = await importEntries(db, null, rows, clock.now());
          out(`imported ${file}: ${r.added} added, ${r.updated} replaced; a running bot picks them up within a minute`);
        } catch (err) {
          if (err instanceof ImportRejected) {
            out(`nothing imported: ${err.errors.length} row(s) need fixing`);
            const t = createI18n('en').getFixedT('en');
            const say = (code: string) =>
              code.startsWith('faq.') ? t(code.replace('faq.', 'faq.errors.')).replace(/<[^>]+>/g, '') : code;
            for (const e of err.errors) out(`  row ${e.row}: ${say(e.message)}`);
            return 1;
          } else if (err instanceof BadFile) {
            out(`nothing imported: ${err.message}`);
            return 1;
          } else throw err;
        }
      },
    },
    'faq export': {
      usage: 'faq export [file.csv]           every entry as CSV (UTF-8 with BOM, opens in Excel)',
      run: async (args, { db, out }) => {
        const csv = entriesToCsv(await allEntries(db));
        if (args[0]) {
          writeFileSync(args[0], `\ufeff${csv}`); // BOM: Excel reads UTF-8 Chinese correctly only with it
          out(`written ${csv.split('\r\n').length - 2} entries to ${args[0]}`);
        } else out(csv.trimEnd());
      },
    },
  },
};
