import type { Table } from '../../core/sheets';
import type { DbOrTx } from '../../db/schema';
import type { TFunction } from '../../i18n';
import type { ImportCheck } from '../../telegram/workbench';
import { residentsPolicy } from './policy';
import * as store from './store';

// The communities and compounds of a sub-district as a spreadsheet (issue 15): one row per compound, the
// community it belongs to, and the English names (a place's own Chinese name stands in when there is none).

const COLUMNS = {
  community: ['社区', 'community'],
  communityEn: ['社区英文名', 'community_en', 'community (english)'],
  compound: ['小区', 'compound'],
  compoundEn: ['小区英文名', 'compound_en', 'compound (english)'],
  address: ['地址', '小区地址', 'address'],
} as const;

type Column = keyof typeof COLUMNS;
export interface PlaceRow {
  row: number;
  community: string;
  /** Null when the cell is empty: a new place is named in English by its Chinese name, a known one keeps its own. */
  communityEn: string | null;
  compound: string;
  compoundEn: string | null;
  /** Null when the cell is empty: a compound already known keeps the address it has. */
  address: string | null;
}

const NAME_MAX = residentsPolicy.placeNameMax;
const ADDRESS_MAX = residentsPolicy.addressMax;

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
    const p = {
      row,
      community: get('community'),
      compound: get('compound'),
      communityEn: get('communityEn') || null,
      compoundEn: get('compoundEn') || null,
    };
    const address = get('address').replace(/\s+/g, ' ') || null;
    if (!p.community || !p.compound) problems.push({ row, message: t('residents.places.missingName') });
    else if ([p.community, p.compound, p.communityEn ?? '', p.compoundEn ?? ''].some((n) => [...n].length > NAME_MAX))
      problems.push({ row, message: t('residents.places.tooLong', { max: NAME_MAX }) });
    else if (address && [...address].length > ADDRESS_MAX)
      problems.push({ row, message: t('residents.places.addressTooLong', { max: ADDRESS_MAX }) });
    else if (seen.has(`${p.community}/${p.compound}`))
      problems.push({ row, message: t('residents.places.twice', { compound: p.compound }) });
    else places.push({ ...p, address });
    seen.add(`${p.community}/${p.compound}`);
  });
  return { places, problems };
}

/** What a row changes of a compound already known: its English name, its address (empty cells change nothing). */
function changes(known: { nameEn: string; address: string | null }, p: PlaceRow) {
  return {
    ...(p.compoundEn !== null && p.compoundEn !== known.nameEn ? { nameEn: p.compoundEn } : {}),
    ...(p.address !== null && p.address !== known.address ? { address: p.address } : {}),
  };
}
const changed = (known: { nameEn: string; address: string | null }, p: PlaceRow) =>
  Object.keys(changes(known, p)).length > 0;

/** How many compounds would be new and how many changed (their English name, or an address given). */
export async function countChanges(db: DbOrTx, places: PlaceRow[]) {
  const communities = new Map((await store.listCommunities(db)).map((c) => [c.nameZh, c]));
  const compounds = await store.listCompounds(db);
  let add = 0;
  let update = 0;
  for (const p of places) {
    const community = communities.get(p.community);
    const known = community && compounds.find((c) => c.communityId === community.id && c.nameZh === p.compound);
    if (!known) add++;
    else if (changed(known, p)) update++;
  }
  return { add, update };
}

/** Writes the places in the caller's transaction: new ones added at the end of their community's rotation. */
export async function writePlaces(trx: DbOrTx, subdistrict: string, places: PlaceRow[]) {
  const before = await countChanges(trx, places);
  for (const p of places) {
    const nameEn = p.communityEn ?? p.community;
    const community = await store.upsertCommunity(trx, { subdistrict, nameZh: p.community, nameEn });
    const order = (await store.listCompounds(trx, community.id)).length + 1;
    const c = await store.upsertCompound(trx, {
      communityId: community.id,
      nameZh: p.compound,
      nameEn: p.compoundEn ?? p.compound,
      rotationOrder: order,
      address: p.address,
    });
    if (changed(c, p)) await store.updateCompound(trx, c.id, changes(c, p));
  }
  return { added: before.add, updated: before.update };
}
