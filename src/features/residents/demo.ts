import type { Db } from '../../db/schema';
import type { Settings } from '../../settings';
import { subdistrictName } from './policy';
import { upsertCommunity, upsertCompound } from './store';

const SUBDISTRICT = '月塘街道';
const DEMO = [
  {
    zh: '野鸭冲社区',
    en: 'Yeyachong Community',
    compounds: [
      ['荷塘花园', 'Hetang Garden', '荷塘区月塘路 18 号'],
      ['月塘新村', 'Yuetang New Village', '荷塘区月塘路 56 号'],
      ['肖明组', 'Xiaoming Group', '荷塘区野鸭冲路肖明组'],
      ['金色家园', 'Golden Home', '荷塘区红旗北路 9 号'],
    ],
  },
  {
    zh: '石子头社区',
    en: 'Shizitou Community',
    compounds: [
      ['石子头小区', 'Shizitou Estate', '荷塘区石子头路 3 号'],
      ['铁路新村', 'Railway New Village', '荷塘区铁路新村 1 栋'],
      ['幸福里', 'Xingfuli', '荷塘区幸福路 22 号'],
    ],
  },
] as const;

/** The demo's communities: a database whose places are all among these holds demo places, not a real deployment's. */
export const DEMO_COMMUNITIES: readonly string[] = DEMO.map((c) => c.zh);

/**
 * The 月塘街道 demo communities and compounds (the playground and `seed demo`), and the sub-district's name if
 * `settings` is given and nobody has set it; safe to run again.
 */
export async function seedDemoPlaces(db: Db, settings?: Settings): Promise<string> {
  await db.transaction().execute(async (trx) => {
    for (const c of DEMO) {
      const community = await upsertCommunity(trx, { subdistrict: SUBDISTRICT, nameZh: c.zh, nameEn: c.en });
      let order = 1;
      for (const [zh, en, address] of c.compounds)
        await upsertCompound(trx, {
          communityId: community.id,
          nameZh: zh,
          nameEn: en,
          rotationOrder: order++,
          address,
        });
    }
  });
  if (settings && !settings.isSet(subdistrictName)) await settings.set(null, subdistrictName, SUBDISTRICT);
  return 'residents: 月塘街道 communities and compounds';
}
