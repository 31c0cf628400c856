import type { Platform } from '../../platform';
import { SUPERMARKET_FIELDS } from './policy';
import type { Category, RecipientInput } from './recipients';
import type { ReliefService } from './service';
import * as store from './store';

export const DEMO_ROSTER_SIZE = 169;

// Fictional people: common surnames and given names combined by a fixed rule, so the roster is the same every run.
const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢'.split('');
const GIVEN = [
  '秀英',
  '桂兰',
  '玉梅',
  '建国',
  '志强',
  '淑珍',
  '德明',
  '凤英',
  '春华',
  '国庆',
  '翠花',
  '长生',
  '金凤',
  '福林',
  '小红',
  '海燕',
  '永红',
  '树林',
  '爱华',
  '明亮',
  '素芬',
  '文斌',
  '桂芳',
  '和平',
];
const CATEGORY_MIX: [Category, number][] = [
  ['dibao', 62],
  ['tekun', 21],
  ['disabled', 38],
  ['elderly_alone', 40],
  ['other', 8],
];
const NOTES: Record<Category, string | null> = {
  dibao: null,
  tekun: '行动不便，可上门',
  disabled: '轮椅，需要帮忙搬运',
  elderly_alone: '子女在外地',
  other: null,
};

export function demoRoster(): RecipientInput[] {
  const cats = CATEGORY_MIX.flatMap(([c, n]) => Array<Category>(n).fill(c));
  // 37 and 169 share no factor, so this walks every slot once and mixes the categories along the list.
  return cats
    .map((_, i) => cats[(i * 37) % cats.length]!)
    .map((category, i) => ({
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
      category,
      // About three in five left a phone number; 139-0000-xxxx style numbers are not real subscribers.
      phone: i % 5 < 3 ? `1390000${String(1000 + i).slice(-4)}` : null,
      notes: i % 4 === 0 ? NOTES[category] : null,
    }));
}

/** The demo roster (only into an empty roster), this year's settings and the festival table. Safe to run again. */
export async function seedReliefDemo({ db, clock }: Pick<Platform, 'db' | 'clock'>, relief: ReliefService) {
  const at = clock.now().toISOString();
  const added = await db.transaction().execute(async (trx) => {
    if ((await store.countRecipients(trx)) > 0) return 0;
    for (const r of demoRoster()) await store.insertRecipient(trx, { ...r, at });
    const settings = {
      pickupDay: 5,
      hoursFrom: '08:30',
      hoursTo: '11:30',
      makeupDays: 3,
      placeZh: 'IGO慈善超市',
      placeEn: 'IGO Charity Supermarket',
      addressZh: '示范路28号',
      addressEn: '28 Shifan Road',
    };
    // Demo settings count as set: the playground's admin is not walked through the supermarket again.
    await store.updateSettings(trx, settings, { at, userId: null }, SUPERMARKET_FIELDS);
    return DEMO_ROSTER_SIZE;
  });
  const festivals = await relief.seedFestivals();
  const roster = added ? `${added} demo recipients and this year's settings` : 'roster already present';
  return `relief: ${roster}, ${festivals} festival dates added`;
}
