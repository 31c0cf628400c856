import type { EntryInput } from '../entry-input';
import type { FaqEntry } from '../searchable';
import { classes } from './classes';
import type { DemoFaqEntry } from './demo-entry';
import { fund } from './fund';
import { market } from './market';
import { marketServices } from './market-services';
import { office } from './office';
import { petitions } from './petitions';
import { relief } from './relief';
import { safety } from './safety';
import { volunteer } from './volunteer';

export type { DemoFaqEntry, DemoFaqText } from './demo-entry';

/**
 * Seed knowledge base of the demo deployment (月塘街道, 株洲 荷塘区; communities 野鸭冲社区 and 石子头社区).
 * Every address and phone number here is fictional. Answers are short, plain sentences for elderly readers.
 * Each key has a Chinese and an English version; the key ties the two together in seeds and evaluation.
 * The order is part of the data: entries are numbered in it, and the benchmark's figures are measured on it.
 */
export const demoFaqEntries: DemoFaqEntry[] = [
  ...market,
  ...marketServices,
  ...classes,
  ...relief,
  ...fund,
  ...volunteer,
  ...safety,
  ...petitions,
  ...office,
];

/** The demo entries as staff would type them: Chinese then English per key. */
export const demoInputs = (): EntryInput[] =>
  demoFaqEntries.flatMap((e) => [
    { key: e.key, lang: 'zh-CN', category: e.category, ...e.zh },
    { key: e.key, lang: 'en', category: e.category, ...e.en },
  ]);

/** The demo entries as FaqIndex entries (Chinese then English per key), numbered from `firstId`. */
export function demoEntriesAsFaq(firstId = 1): (FaqEntry & { key: string })[] {
  let id = firstId;
  return demoFaqEntries.flatMap((e) =>
    (['zh-CN', 'en'] as const).map((lang) => {
      const text = lang === 'zh-CN' ? e.zh : e.en;
      return { id: id++, key: e.key, lang, category: e.category, ...text };
    }),
  );
}
