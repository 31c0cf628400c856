import type { Db } from '../../db/schema';
import { upsertCommunity, upsertCompound } from './store';

/** The 月塘街道 demo communities and compounds (the playground and `seed demo`); safe to run again. */
export async function seedDemoPlaces(db: Db): Promise<string> {
  const demo = [
    {
      zh: '野鸭冲社区',
      en: 'Yeyachong Community',
      compounds: [
        ['荷塘花园', 'Hetang Garden'],
        ['月塘新村', 'Yuetang New Village'],
        ['肖明组', 'Xiaoming Group'],
        ['金色家园', 'Golden Home'],
      ],
    },
    {
      zh: '石子头社区',
      en: 'Shizitou Community',
      compounds: [
        ['石子头小区', 'Shizitou Estate'],
        ['铁路新村', 'Railway New Village'],
        ['幸福里', 'Xingfuli'],
      ],
    },
  ];
  await db.transaction().execute(async (trx) => {
    for (const c of demo) {
      const community = await upsertCommunity(trx, { subdistrict: '月塘街道', nameZh: c.zh, nameEn: c.en });
      let order = 1;
      for (const [zh, en] of c.compounds)
        await upsertCompound(trx, { communityId: community.id, nameZh: zh!, nameEn: en!, rotationOrder: order++ });
    }
  });
  return 'residents: 月塘街道 communities and compounds';
}
