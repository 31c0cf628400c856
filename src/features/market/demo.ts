import { weekdayOf } from '../../core/calendar';
import { addDays } from '../../core/time';
import type { Db } from '../../db/schema';
import type { MarketService } from './service';
import * as store from './store';

type Demo = [
  code: string,
  prefix: string,
  prefixEn: string,
  zh: string,
  en: string,
  group: 'repair' | 'care' | 'advice' | 'daily',
  capacity: number,
  minutes: number,
  provider: string,
  bringZh: string | null,
  bringEn: string | null,
];

// The 野享市集 catalogue: about twenty free services by volunteers and partner businesses.
const CATALOGUE: Demo[] = [
  [
    'knife',
    '磨刀',
    'Knife',
    '磨刀',
    'Knife sharpening',
    'repair',
    30,
    5,
    '便民服务队',
    '刀具用报纸或布包好',
    'Wrap the knives in newspaper or cloth',
  ],
  ['shoes', '修鞋', 'Shoe', '修鞋', 'Shoe repair', 'repair', 20, 10, '便民服务队', '要修的鞋子', 'The shoes to mend'],
  [
    'sewing',
    '缝补',
    'Sew',
    '缝补',
    'Mending and sewing',
    'repair',
    20,
    10,
    '帮困服务队',
    '要缝补的衣物',
    'The clothes to mend',
  ],
  [
    'appliance',
    '家电',
    'Appliance',
    '家电维修',
    'Appliance repair',
    'repair',
    15,
    15,
    '乐乐超市合作维修点',
    '要修的小家电和它的电源线',
    'The appliance and its power cord',
  ],
  [
    'umbrella',
    '雨伞',
    'Umbrella',
    '修雨伞',
    'Umbrella repair',
    'repair',
    15,
    5,
    '便民服务队',
    '要修的雨伞',
    'The umbrella',
  ],
  ['keys', '钥匙', 'Key', '配钥匙', 'Key cutting', 'repair', 20, 5, '社区合伙人', '原来的钥匙', 'The original key'],
  [
    'watch',
    '钟表',
    'Watch',
    '修钟表',
    'Watch and clock repair',
    'repair',
    10,
    15,
    '社区合伙人',
    '要修的钟表',
    'The watch or clock',
  ],
  [
    'glasses',
    '眼镜',
    'Glasses',
    '眼镜维修',
    'Glasses repair',
    'repair',
    10,
    10,
    '社区合伙人',
    '要修的眼镜',
    'The glasses',
  ],
  [
    'bike',
    '单车',
    'Bike',
    '自行车维修',
    'Bicycle repair',
    'repair',
    10,
    15,
    '便民服务队',
    '把车推来',
    'Bring the bicycle',
  ],
  ['haircut', '理发', 'Hair', '理发', 'Haircut', 'care', 25, 15, '爱心理发志愿者', null, null],
  [
    'bp',
    '血压',
    'BP',
    '量血压',
    'Blood pressure check',
    'care',
    40,
    5,
    '社区卫生服务站',
    '平时吃的药名（如有）',
    'Names of any medicines you take',
  ],
  [
    'sugar',
    '血糖',
    'Sugar',
    '测血糖',
    'Blood sugar test',
    'care',
    30,
    5,
    '社区卫生服务站',
    '空腹来测更准',
    'Come without breakfast for an accurate test',
  ],
  ['massage', '推拿', 'Massage', '推拿按摩', 'Massage', 'care', 15, 15, '社工服务中心', null, null],
  [
    'legal',
    '法律',
    'Legal',
    '法律咨询',
    'Legal advice',
    'advice',
    15,
    15,
    '律师事务所志愿者',
    '相关的合同或材料',
    'Any contracts or papers about it',
  ],
  [
    'phone',
    '手机',
    'Phone',
    '手机使用教学',
    'Smartphone lessons',
    'advice',
    20,
    15,
    '大学生志愿服务队',
    '您的手机，充好电',
    'Your phone, charged',
  ],
  ['antifraud', '防诈', 'Fraud', '防诈骗咨询', 'Anti-fraud advice', 'advice', 20, 10, '社区民警', null, null],
  [
    'policy',
    '社保',
    'Insurance',
    '社保政策咨询',
    'Social insurance advice',
    'advice',
    20,
    10,
    '街道社保所',
    '身份证',
    'Your ID card',
  ],
  ['housework', '家政', 'Home', '家政服务', 'Housekeeping booking', 'daily', 10, 10, '家政公司', null, null],
  ['photo', '照相', 'Photo', '拍证件照', 'ID photos', 'daily', 20, 5, '社区合伙人', null, null],
  [
    'clean',
    '清洗',
    'Clean',
    '家电清洗预约',
    'Appliance cleaning booking',
    'daily',
    10,
    10,
    '乐乐超市合作维修点',
    null,
    null,
  ],
];

// Knives and keys need no story; these do, so the provider can bring the right parts.
const DESCRIBED = new Set(['shoes', 'sewing', 'appliance', 'umbrella', 'watch', 'glasses', 'bike', 'legal']);

const ASK_REPAIR = ['请说明是什么东西、哪里坏了。', 'Say what the item is and what is wrong with it.'] as const;
const ASK_LEGAL = ['请简单说说想咨询的事。', 'Say in a few words what you would like advice on.'] as const;

export const demoServices = (): store.NewService[] =>
  CATALOGUE.map(([code, prefix, prefixEn, zh, en, group, capacity, minutes, provider, bringZh, bringEn]) => {
    const described = DESCRIBED.has(code);
    const ask = code === 'legal' ? ASK_LEGAL : ASK_REPAIR;
    return {
      code,
      nameZh: zh,
      nameEn: en,
      groupKey: group,
      defaultCapacity: capacity,
      minutesPerTicket: minutes,
      provider,
      ticketPrefix: prefix,
      ticketPrefixEn: prefixEn,
      bringZh,
      bringEn,
      needsDetails: described,
      isRepair: described && code !== 'legal',
      descriptionZh: described ? ask[0] : '',
      descriptionEn: described ? ask[1] : '',
    };
  });

export async function seedCatalogue(db: Db): Promise<number> {
  const services = demoServices();
  await store.atomically(db, async (trx) => {
    for (const s of services) await store.upsertService(trx, s);
  });
  return services.length;
}

/**
 * The catalogue plus one published market day on the second Saturday from now at the first demo compound.
 * Safe to run again: a market already scheduled from today on is left as it is.
 */
export async function seedDemoMarket(db: Db, market: MarketService): Promise<string> {
  const n = await seedCatalogue(db);
  const today = market.today();
  if ((await store.marketsFrom(db, today, ['draft', 'published'])).length > 0)
    return `market: ${n} services; a market day is already scheduled`;
  const compound = (await market.compounds())[0];
  if (!compound) return `market: ${n} services (no compounds, so no market day)`;
  let date = addDays(today, 8);
  while (weekdayOf(date) !== 6) date = addDays(date, 1);
  const services = (await market.services()).map((s) => ({ serviceId: s.id }));
  const id = await market.createMarket(null, {
    date,
    startsAt: '09:00',
    endsAt: '12:00',
    compoundId: compound.id,
    location: '中心广场（篮球场旁）',
    locationEn: 'Central Square (by the basketball court)',
    latitude: 27.8407,
    longitude: 113.1801,
    services,
  });
  await market.publishMarket(null, id);
  return `market: ${n} services; market day ${date} at ${compound.nameZh}`;
}
