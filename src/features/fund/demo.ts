import type { EntryInput, IncomeKind, Purpose } from './ledger';

// The demo ledger of 月塘街道's 社区公益基金: started 2024-07-04 by 25 units and individuals with 100,500 yuan;
// 4,222 yuan self-generated (the charity supermarket's shelf) so far. Every name is demo data.

const FOUNDED = '2024-07-04';

/** [partner name, yuan, restricted to] — the founding units. */
const FOUNDING_UNITS: [string, number, Purpose | null][] = [
  ['乐乐超市', 20000, 'relief'],
  ['荷塘区慈善会', 15000, null],
  ['月塘街道商会', 10000, null],
  ['月塘物业服务中心', 10000, null],
  ['荷塘区个体劳动者协会', 8000, null],
  ['荷塘区阳光社会工作服务中心', 6000, null],
  ['野鸭冲社区居民委员会', 5000, null],
  ['快递小哥公益队', 5000, null],
];

/** [name or null for anonymous, yuan, agreed to be named] — the founding individuals. */
const FOUNDING_PEOPLE: [string | null, number, boolean][] = [
  ['刘德明', 3000, true],
  ['陈秀英', 2000, true],
  [null, 2000, false],
  ['王建华', 2000, true],
  ['李桂兰', 1500, false],
  [null, 1500, false],
  ['张卫国', 1000, true],
  ['赵淑芬', 1000, true],
  [null, 1000, false],
  ['周志强', 1000, false],
  ['吴玉梅', 1000, true],
  [null, 1000, false],
  ['孙立新', 1000, true],
  ['黄美玲', 800, true],
  [null, 700, false],
  ['郑国庆', 500, true],
  [null, 500, false],
];

/** Shelf sales of donated second-hand goods and handicrafts, month by month: 4,222.00 yuan. */
const SHOP_SALES: [string, number][] = [
  ['2024-08-31', 61250],
  ['2024-09-30', 48800],
  ['2024-10-31', 53000],
  ['2024-11-30', 45550],
  ['2024-12-31', 72000],
  ['2025-01-31', 69000],
  ['2025-02-28', 72600],
];

type Seed = { ref: string; input: EntryInput };

function entries(partnerId: (name: string) => number): Seed[] {
  const out: Seed[] = [];
  FOUNDING_UNITS.forEach(([name, yuan, restrictedTo], i) => {
    // The founding money was given as directed donations (to the fund), whether or not tied to one purpose.
    const kind: IncomeKind = 'directed';
    out.push({
      ref: `seed:founding:unit:${i + 1}`,
      input: {
        direction: 'income',
        kind,
        amountFen: yuan * 100,
        date: FOUNDED,
        donor: { kind: 'partner', partnerId: partnerId(name), public: true },
        restrictedTo,
        note: '基金启动捐赠',
      },
    });
  });
  FOUNDING_PEOPLE.forEach(([name, yuan, isPublic], i) => {
    const donor =
      name === null
        ? { kind: 'anonymous' as const }
        : { kind: 'resident' as const, name, userId: null, public: isPublic };
    out.push({
      ref: `seed:founding:person:${i + 1}`,
      input: {
        direction: 'income',
        kind: 'directed',
        amountFen: yuan * 100,
        date: FOUNDED,
        donor,
        restrictedTo: null,
        note: '基金启动捐赠',
      },
    });
  });
  SHOP_SALES.forEach(([date, fen], i) => {
    out.push({
      ref: `seed:shop:${i + 1}`,
      input: {
        direction: 'income',
        kind: 'shop',
        amountFen: fen,
        date,
        donor: { kind: 'anonymous' },
        restrictedTo: null,
        note: '慈善超市二手物品和手工艺品义卖',
      },
    });
  });
  const lele = partnerId('乐乐超市');
  out.push(
    {
      ref: 'seed:consumption:1',
      input: {
        direction: 'income',
        kind: 'consumption',
        amountFen: 128000,
        date: '2024-12-31',
        donor: { kind: 'partner', partnerId: lele, public: true },
        restrictedTo: null,
        note: '乐乐超市 2024 年下半年消费捐（销售额 1%）',
      },
    },
    {
      ref: 'seed:service:1',
      input: {
        direction: 'income',
        kind: 'service',
        amountFen: 240000,
        date: '2024-09-15',
        donor: { kind: 'partner', partnerId: partnerId('荷塘区个体劳动者协会'), public: true },
        restrictedTo: null,
        note: '市集日磨刀、修鞋、理发义务服务折价',
      },
    },
    {
      ref: 'seed:monthly:1',
      input: {
        direction: 'income',
        kind: 'monthly',
        amountFen: 5000,
        date: '2025-01-10',
        donor: { kind: 'resident', name: '陈秀英', userId: null, public: true },
        restrictedTo: null,
        note: '月月捐 2025-01',
      },
    },
    {
      ref: 'seed:monthly:2',
      input: {
        direction: 'income',
        kind: 'monthly',
        amountFen: 5000,
        date: '2025-02-10',
        donor: { kind: 'resident', name: '陈秀英', userId: null, public: true },
        restrictedTo: null,
        note: '月月捐 2025-02',
      },
    },
    {
      ref: 'seed:expense:1',
      input: {
        direction: 'expense',
        purpose: 'relief',
        amountFen: 845000,
        date: '2024-09-14',
        note: '中秋节特殊群体慰问品（169 份）',
      },
    },
    {
      ref: 'seed:expense:2',
      input: {
        direction: 'expense',
        purpose: 'facilities',
        amountFen: 320000,
        date: '2024-11-20',
        note: '肖明组路灯维修',
      },
    },
    {
      ref: 'seed:expense:3',
      input: {
        direction: 'expense',
        purpose: 'groups',
        amountFen: 150000,
        date: '2024-12-08',
        note: '志愿服务队急救培训',
      },
    },
    {
      ref: 'seed:expense:4',
      input: {
        direction: 'expense',
        purpose: 'relief',
        amountFen: 1014000,
        date: '2025-01-20',
        note: '春节特殊群体年货包（169 份）',
      },
    },
  );
  return out;
}

const monthAfter = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};

/**
 * After the recorded first months, the fund's ordinary months up to `today` (so every period a newcomer opens has
 * data): the shelf's sales, a monthly gift, 乐乐超市's half-yearly 1%, and relief and group spending now and then.
 * Amounts follow from the month alone, so seeding again later adds only the months that have passed since.
 */
function ordinaryMonths(today: string, lele: number): Seed[] {
  const out: Seed[] = [];
  type Undated<T> = T extends unknown ? Omit<T, 'date'> : never;
  const add = (ref: string, date: string, input: Undated<EntryInput>) => {
    if (date <= today) out.push({ ref: `seed:${ref}`, input: { ...input, date } as EntryInput });
  };
  for (let m = '2025-03', i = 0; `${m}-01` <= today; m = monthAfter(m), i++) {
    const month = Number(m.slice(5));
    const anonymous = { kind: 'anonymous' as const };
    add(`shop:${m}`, `${m}-28`, {
      direction: 'income',
      kind: 'shop',
      amountFen: 40000 + ((i * 3571) % 35000),
      donor: anonymous,
      restrictedTo: null,
      note: '慈善超市二手物品和手工艺品义卖',
    });
    add(`monthly:${m}`, `${m}-10`, {
      direction: 'income',
      kind: 'monthly',
      amountFen: 5000,
      donor: { kind: 'resident', name: '陈秀英', userId: null, public: true },
      restrictedTo: null,
      note: `月月捐 ${m}`,
    });
    if (month === 6 || month === 12)
      add(`consumption:${m}`, `${m}-30`, {
        direction: 'income',
        kind: 'consumption',
        amountFen: 90000 + ((i * 1237) % 40000),
        donor: { kind: 'partner', partnerId: lele, public: true },
        restrictedTo: null,
        note: `乐乐超市 ${m.slice(0, 4)} 年${month === 6 ? '上' : '下'}半年消费捐（销售额 1%）`,
      });
    if (month % 3 === 0)
      add(`relief:${m}`, `${m}-15`, {
        direction: 'expense',
        purpose: 'relief',
        amountFen: 120000 + ((i * 2113) % 60000),
        note: '特殊群体慰问品',
      });
    if (month === 5 || month === 11)
      add(`groups:${m}`, `${m}-20`, { direction: 'expense', purpose: 'groups', amountFen: 60000, note: '志愿者培训' });
  }
  return out;
}

/** The demo ledger's entries up to `today`, each with the ref that keeps it from being loaded twice. */
export async function demoEntries(partnerId: (name: string) => Promise<number>, today: string): Promise<Seed[]> {
  const ids = new Map<string, number>();
  for (const [name] of [...FOUNDING_UNITS, ['荷塘区个体劳动者协会']])
    ids.set(String(name), await partnerId(String(name)));
  const first = entries((name) => ids.get(name)!).filter((e) => e.input.date <= today);
  return [...first, ...ordinaryMonths(today, ids.get('乐乐超市')!)];
}
