import type { Locale } from '../../../config';
import { toCsv } from '../../../core/csv';
import { inLocale } from '../../../core/names';
import type { Sheet } from '../../../core/sheets';
import { localDate, localTime } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import type { StatsPeriod } from '../policy';
import { periodRange } from '../rates';
import type { Petition } from '../store';
import * as store from '../store';
import type { Parts } from './parts';

/** The columns of the export, in order; the staff's file names them in their language (petitions.export.column.*). */
const COLUMNS = [
  'id',
  'created_at',
  'community',
  'compound',
  'category',
  'place',
  'latitude',
  'longitude',
  'description',
  'status',
  'department',
  'status_note',
  'ack_due_at',
  'acknowledged_at',
  'answer_due_at',
  'answered_at',
  'round',
  'cosigners',
  'occurrences',
  'solved',
  'satisfaction',
] as const;

type Named = { nameZh: string; nameEn: string };

/** Every petition of a period as a table for the office. No phone numbers: those stay with the handlers in the bot. */
export function exports({ db, residents, policy }: Parts) {
  async function gather(from: string, to: string) {
    const places = new Map((await residents.communities()).map((c) => [c.id, c as Named]));
    const compounds = new Map((await residents.compounds()).map((c) => [c.id, c as Named]));
    const departments = new Map((await store.listDepartments(db, { retired: true })).map((d) => [d.id, d as Named]));
    const cosigners = await store.cosignersFiledBetween(db, from, to);
    const petitions = await store.petitionsFiledBetween(db, from, to);
    return { places, compounds, departments, cosigners, petitions };
  }

  /** One row; `cell` turns a name, an instant or a word into what the reader gets. */
  const row = (
    p: Petition,
    g: Awaited<ReturnType<typeof gather>>,
    f: {
      name: (x: Named | undefined) => string;
      at: (iso: string | null) => string | null;
      word: (key: string, v: string | null) => string | null;
      category: (p: Petition) => string;
    },
  ) => [
    p.id,
    f.at(p.createdAt),
    f.name(g.places.get(p.communityId ?? -1)),
    f.name(g.compounds.get(p.compoundId ?? -1)),
    f.category(p),
    p.place,
    p.latitude,
    p.longitude,
    p.description,
    f.word('status', p.status),
    f.name(g.departments.get(p.departmentId ?? -1)),
    p.statusNote,
    f.at(p.ackDueAt),
    f.at(p.acknowledgedAt),
    f.at(p.answerDueAt),
    f.at(p.answeredAt),
    p.round,
    g.cosigners.get(p.id) ?? 0,
    p.occurrences,
    f.word('solved', p.solved),
    p.satisfaction,
  ];

  return {
    /** Petitions filed in a month or a year, headers and names in the reader's language, times where they live. */
    async exportSheet(t: TFunction, period: StatsPeriod): Promise<Sheet> {
      const tz = policy.timezone;
      const g = await gather(...periodRange(period, tz));
      // The translator says which language it speaks: names come in the same one.
      const locale: Locale = t('petitions.export.locale') === 'en' ? 'en' : 'zh-CN';
      const name = (x: Named | undefined) => (x ? inLocale(x, locale) : '');
      const at = (iso: string | null) =>
        iso === null ? null : `${localDate(new Date(iso), tz)} ${localTime(new Date(iso), tz)}`;
      const rows = g.petitions.map((p) =>
        row(p, g, {
          name,
          at,
          word: (key, v) => (v === null ? null : t(`petitions.${key}.${v}`)),
          category: (x) => name(x.categoryName),
        }),
      );
      const header = COLUMNS.map((c) => t(`petitions.export.column.${c}`));
      return { name: t('petitions.export.sheet'), header, rows };
    },

    /** Every petition as CSV for the command line: column codes, ISO times, Chinese names, codes for words. */
    async exportCsv(): Promise<string> {
      const g = await gather('0000', '9999');
      const rows = g.petitions.map((p) =>
        row(p, g, {
          name: (x) => x?.nameZh ?? '',
          at: (iso) => iso,
          word: (_key, v) => v,
          category: (x) => x.category,
        }),
      );
      return toCsv([[...COLUMNS], ...rows]).replace(/\r\n/g, '\n');
    },
  };
}
