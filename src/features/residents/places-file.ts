import type { Table } from '../../core/sheets';
import type { DbOrTx } from '../../db/schema';
import type { TFunction } from '../../i18n';
import type { ImportCheck } from '../../telegram/workbench';
import * as store from './store';

// The communities and compounds of a sub-district as a spreadsheet (issue 15): one row per compound, the
// community it belongs to, and the English names (a place's own Chinese name stands in when there is none).

const COLUMNS = {
  community: ['社区', 'community'],
  communityEn: ['社区英文名', 'community_en', 'community (english)'],
  compound: ['小区', 'compound'],
  compoundEn: ['小区英文名', 'compound_en', 'compound (english)'],
} as const;

type Column = keyof typeof COLUMNS;
export interface PlaceRow {
  row: number;
  community: string;
  communityEn: string;
  compound: string;
  compoundEn: string;
}

const NAME_MAX = 40;

/** Rows as places, with every problem and its row number (1 = the header). Nothing is written. */
export function readPlaces(rows: Table, t: TFunction): { places: PlaceRow[]; problems: ImportCheck['problems'] } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
    at[col] = header.findIndex((h) => names.includes(h));
  if (at.community < 0 || at.compound < 0)
    return { places: [], problems: [{ row: 1, message: t('residents.places.needColumns') }] };
  const places: PlaceRow[] = [];
  const problems: ImportCheck['problems'] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (c: Column) => (at[c] < 0 ? '' : (cells[at[c]] ?? '').trim());
    const p = { row, community: get('community'), compound: get('compound'), communityEn: '', compoundEn: '' };
    p.communityEn = get('communityEn') || p.community;
    p.compoundEn = get('compoundEn') || p.compound;
    if (!p.community || !p.compound) problems.push({ row, message: t('residents.places.missingName') });
    else if ([p.community, p.compound, p.communityEn, p.compoundEn].some((n) => [...n].length > NAME_MAX))
      problems.push({ row, message: t('residents.places.tooLong', { max: NAME_MAX }) });
    else if (seen.has(`${p.community}/${p.compound}`))
      problems.push({ row, message: t('residents.places.twice', { compound: p.compound }) });
    else places.push(p);
    seen.add(`${p.community}/${p.compound}`);
  });
  return { places, problems };
}

/** How many compounds would be new and how many renamed (in English). */
export async function countChanges(db: DbOrTx, places: PlaceRow[]) {
  const communities = new Map((await store.listCommunities(db)).map((c) => [c.nameZh, c]));
  const compounds = await store.listCompounds(db);
  let add = 0;
  let update = 0;
  for (const p of places) {
    const community = communities.get(p.community);
    const known = community && compounds.find((c) => c.communityId === community.id && c.nameZh === p.compound);
    if (!known) add++;
    else if (known.nameEn !== p.compoundEn) update++;
  }
  return { add, update };
}

/** Writes the places in the caller's transaction: new ones added at the end of their community's rotation. */
export async function writePlaces(trx: DbOrTx, subdistrict: string, places: PlaceRow[]) {
  const before = await countChanges(trx, places);
  for (const p of places) {
    const community = await store.upsertCommunity(trx, { subdistrict, nameZh: p.community, nameEn: p.communityEn });
    const order = (await store.listCompounds(trx, community.id)).length + 1;
    const c = await store.upsertCompound(trx, {
      communityId: community.id,
      nameZh: p.compound,
      nameEn: p.compoundEn,
      rotationOrder: order,
    });
    if (c.nameEn !== p.compoundEn) await store.renameCompound(trx, c.id, p.compoundEn);
  }
  return { added: before.add, updated: before.update };
}
