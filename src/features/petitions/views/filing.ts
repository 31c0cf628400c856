import type { TFunction } from '../../../i18n';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { Category, PetitionsPolicy } from '../policy';
import type { Petition, PetitionCategory } from '../store';
import { cosignRows, shareButton } from './cards';
import { type Card, nameOf, type Reader } from './reader';

// The cards of the filing flow, step by step.

/** The categories residents may choose now (managed by staff), in the reader's language. */
export function categoryChoice(r: Reader, categories: PetitionCategory[]): Card {
  const { t } = r;
  const rows = grid(categories.map((c) => ({ text: nameOf(r, c), data: CB.category(c.code) })));
  rows.push([{ text: t('petitions.new.emergencyButton'), data: CB.emergency }]);
  rows.push([{ text: t('common.cancelButton'), data: CB.cancel }]);
  return { text: t('petitions.new.intro'), markup: markup(rows) };
}

/** "Photos done" until one is sent; "no photos, next" before. */
export const photosDone = (t: TFunction, count: number) =>
  markup([[{ text: t(count ? 'petitions.new.photosDone' : 'petitions.new.noPhotos'), data: CB.photosDone }]]);

export const nameChoice = (t: TFunction): Card => ({
  text: t('petitions.new.askName'),
  markup: markup([
    [{ text: t('petitions.new.showName'), data: CB.showName(true) }],
    [{ text: t('petitions.new.hideName'), data: CB.showName(false) }],
  ]),
});

export interface DraftSummary {
  category?: Category;
  place?: string;
  latitude?: number | null;
  description?: string;
  photos?: string[];
  showName?: boolean;
}

/** `category`: the chosen category's name in the reader's language. */
export const summary = (t: TFunction, d: DraftSummary, category: string): Card => ({
  text: t('petitions.new.summary', {
    category,
    place: d.place ?? '',
    location: t(d.latitude != null ? 'petitions.new.hasLocation' : 'petitions.new.noLocation'),
    description: d.description ?? '',
    photos: d.photos?.length ?? 0,
    name: t(d.showName ? 'petitions.new.nameShown' : 'petitions.new.nameHidden'),
  }),
  markup: markup([
    [{ text: t('petitions.new.confirm'), data: CB.confirm }],
    [{ text: t('common.cancelButton'), data: CB.cancel }],
  ]),
});

/** Open petitions that look like the draft, each with a "co-sign" button, and "not the same, go on". */
export function similarChoice(t: TFunction, similar: { petition: Petition }[]): Card {
  const lines = similar.map(({ petition: p }) =>
    t('petitions.similar.line', {
      id: p.id,
      place: p.place,
      description: p.description.slice(0, 80),
      status: t(`petitions.status.${p.status}`),
    }),
  );
  const rows: Button[][] = similar.map(({ petition: p }) => [
    { text: t('petitions.similar.same', { id: p.id }), data: CB.sameAs(p.id) },
  ]);
  rows.push([{ text: t('petitions.similar.notSame'), data: CB.notSame }]);
  return { text: t('petitions.similar.ask', { lines: lines.join('\n\n') }), markup: markup(rows) };
}

export const cosignChoice = (t: TFunction, id: number): Card => ({
  text: t('petitions.cosign.ask', { id }),
  markup: markup(cosignRows({ t }, id)),
});

/** Filed: the number, the time limits and a link for neighbours to co-sign. */
export const filed = (t: TFunction, p: Petition, link: string, policy: PetitionsPolicy): Card => ({
  text: t('petitions.new.filed', { id: p.id, link, ackDays: policy.ackDays, answerDays: policy.answerDays }),
  markup: markup([[shareButton({ t }, link)]]),
});
