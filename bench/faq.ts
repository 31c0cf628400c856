import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { detectEmergency, type EmergencyKind, NUMBERS } from '../src/core/emergency';
import { demoEntriesAsFaq } from '../src/features/faq/demo';
import { type FaqEntry, FaqIndex, type FaqLang } from '../src/features/faq/matcher';
import { type Row, report } from './report';

export interface EvalQuestion {
  q: string;
  lang: FaqLang;
  expect: string;
}

export interface EvalResult {
  total: number;
  /** Expected entry first in an answer or choice list, or 'none' when nothing fits. */
  top1: number;
  /** Answered at once with the wrong entry, or answered at all when nothing fits — over all questions. */
  wrongConfident: number;
  /** Of questions with an expected entry: the entry is among the choices or is the answer. */
  choicesContain: number;
  /** Of questions with an expected entry: answered at once with it. */
  answeredRight: number;
  misses: { q: string; expect: string; outcome: string; got: string[] }[];
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadEvalSet(): EvalQuestion[] {
  return JSON.parse(readFileSync(join(here, '../test/fixtures/faq-eval.json'), 'utf8')) as EvalQuestion[];
}

/** Scores a labelled set; `keyOf` maps an entry id to its key (both language versions share the key). */
export function evaluate(
  index: FaqIndex,
  questions: EvalQuestion[],
  keyOf: (id: number) => string | undefined,
): EvalResult {
  let top1 = 0;
  let wrongConfident = 0;
  let withEntry = 0;
  let choicesContain = 0;
  let answeredRight = 0;
  const misses: EvalResult['misses'] = [];
  for (const { q, lang, expect } of questions) {
    const r = index.search(q, lang);
    const keys = r.top.map((h) => keyOf(h.id) ?? `#${h.id}`);
    let ok: boolean;
    if (expect === 'none') {
      ok = r.outcome === 'none';
      if (r.outcome === 'answer') wrongConfident++;
    } else {
      withEntry++;
      ok = r.outcome !== 'none' && keys[0] === expect;
      if (r.outcome === 'answer' && keys[0] !== expect) wrongConfident++;
      if (r.outcome === 'answer' && keys[0] === expect) answeredRight++;
      if (r.outcome !== 'none' && (r.outcome === 'answer' ? keys[0] === expect : keys.includes(expect)))
        choicesContain++;
    }
    if (ok) top1++;
    else
      misses.push({
        q,
        expect,
        outcome: r.outcome,
        got: keys.slice(0, 3).map((k, i) => `${k}:${r.top[i]?.confidence.toFixed(2)}`),
      });
  }
  const n = questions.length;
  return {
    total: n,
    top1: top1 / n,
    wrongConfident: wrongConfident / n,
    choicesContain: withEntry ? choicesContain / withEntry : 0,
    answeredRight: withEntry ? answeredRight / withEntry : 0,
    misses,
  };
}

// ── a realistic 5,000-entry knowledge base ────────────────────────────────────────────────────────────────────
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH_TOPICS = (
  '垃圾分类 电梯维修 停车位 老年食堂 助餐点 健身器材 快递柜 路灯维修 绿化养护 宠物登记 居住证 社保卡 医保报销 老年卡 ' +
  '高龄补贴 残疾证 廉租房 就业培训 招聘会 党员活动 图书室 棋牌室 舞蹈队 合唱团 书法班 太极拳 疫苗接种 无偿献血 ' +
  '防诈骗宣传 消防演练 防汛 燃气安全 空调清洗 油烟机清洗 管道疏通 开锁服务 搬家服务 爱心早餐 助浴服务 上门护理 ' +
  '康复训练 矛盾调解 房屋租赁 装修备案 噪音扰民 占道经营 违章搭建 电动车棚 充电桩 下水道疏通 外墙维修 二次供水 ' +
  '门禁卡 小区监控 物业费 水电费 燃气开户 独生子女证 流动人口登记 退役军人服务'
).split(' ');
const EN_TOPICS = (
  'recycling|lift repair|parking space|senior canteen|meal service|fitness equipment|parcel lockers|street lights|' +
  'dog licence|residence permit|social security card|medical insurance|senior bus card|old age allowance|' +
  'disability card|job training|job fair|reading room|dance group|choir|calligraphy class|tai chi|vaccination|' +
  'blood donation|anti-fraud talk|fire drill|flood prevention|gas safety|air conditioner cleaning|drain unblocking|' +
  'moving help|breakfast programme|home nursing|rehabilitation|mediation|renting a flat|renovation permit|' +
  'noise complaint|charging posts|bike shed|access card|security cameras|property fee|water bill|veterans service'
).split('|');
const PLACES = '野鸭冲社区 石子头社区 荷花苑 月塘小区 塘湾新村 金塘佳园 桂花园 育英小区 新华村 湘江苑'.split(' ');
const EN_PLACES =
  'Yeyachong|Shizitou|Lotus Garden|Yuetang estate|Tangwan village|Jintang garden|Osmanthus court|Yuying estate'.split(
    '|',
  );
const ZH_ASPECTS: [string, string[], string][] = [
  ['什么时候办理', ['几号可以办', '哪天去', '时间是什么时候'], '每周二、周四上午办理。'],
  ['在哪里办', ['去什么地方办', '地点在哪', '到哪里找'], '在社区服务中心一楼窗口办理。'],
  ['怎么报名', ['在哪报名', '报名流程是什么', '要提前预约吗'], '在机器人里报名，或到社区窗口登记。'],
  ['收费吗', ['要多少钱', '是免费的吗', '费用怎么算'], '免费。'],
  ['需要什么条件', ['谁可以申请', '有什么要求', '符合什么条件才行'], '本社区常住居民均可申请。'],
  ['要带什么材料', ['需要带哪些证件', '要准备什么', '材料清单'], '带身份证和户口本原件。'],
  ['找谁联系', ['电话是多少', '负责人是谁', '联系方式'], '请打 0731-0000-0000 找网格员。'],
  ['是什么', ['具体是做什么的', '能介绍一下吗', '有什么用'], '这是社区为居民提供的一项服务。'],
];
const EN_ASPECTS: [string, string[], string][] = [
  [
    'When is {t} available',
    ['What day can I do {t}', 'Opening times for {t}', 'When does {t} happen'],
    'Tuesday and Thursday mornings.',
  ],
  [
    'Where do I go for {t}',
    ['Where is {t}', 'Location of {t}', 'Which office handles {t}'],
    'The service centre, ground floor.',
  ],
  [
    'How do I sign up for {t}',
    ['Registration for {t}', 'Do I need to book {t}', 'How to apply for {t}'],
    'Sign up in the bot or at the counter.',
  ],
  ['Does {t} cost anything', ['Price of {t}', 'Is {t} free', 'Fees for {t}'], 'It is free.'],
  [
    'Who can use {t}',
    ['Am I eligible for {t}', 'Requirements for {t}', 'Conditions for {t}'],
    'Every resident of the community.',
  ],
  [
    'Who do I contact about {t}',
    ['Phone number for {t}', 'Who is in charge of {t}', 'Contact for {t}'],
    'Call 0731-0000-0000.',
  ],
];

/** Grows the demo entries with synthetic ones to `size` (about four in five Chinese), plus queries against them. */
export function syntheticKb(
  size: number,
  firstId: number,
  seed = 7,
): { entries: FaqEntry[]; queries: [string, FaqLang][] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const entries: FaqEntry[] = [];
  const queries: [string, FaqLang][] = [];
  for (let i = 0; i < size; i++) {
    const id = firstId + i;
    if (r() < 0.8) {
      const [topic, place, [q, alts, answer]] = [pick(ZH_TOPICS), pick(PLACES), pick(ZH_ASPECTS)];
      const phrasings = alts.map((a) => `${place}${topic}${a}`);
      entries.push({
        id,
        lang: 'zh-CN',
        question: `${place}的${topic}${q}？`,
        phrasings,
        keywords: [topic, place],
        answer,
        category: 'synthetic',
      });
      queries.push([`请问一下${topic}${pick(alts)}呀`, 'zh-CN']);
    } else {
      const [topic, place, [q, alts, answer]] = [pick(EN_TOPICS), pick(EN_PLACES), pick(EN_ASPECTS)];
      const fill = (s: string) => s.replace('{t}', `${topic} in ${place}`);
      entries.push({
        id,
        lang: 'en',
        question: `${fill(q)}?`,
        phrasings: alts.map(fill),
        keywords: [topic, place],
        answer,
        category: 'synthetic',
      });
      queries.push([`hi, ${pick(alts).replace('{t}', topic)} please`, 'en']);
    }
  }
  return { entries, queries };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * The emergency check on its labelled set (issue 13): every emergency caught with the right number first, at most
 * two false alarms among texts that only mention fire, gas or illness, and the cost of one check.
 */
function emergencyEval() {
  const file = new URL('../test/fixtures/emergency-eval.json', import.meta.url);
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: { text: string; kind: EmergencyKind | null }[] };
  const dangers = cases.filter((c) => c.kind !== null);
  const calm = cases.filter((c) => c.kind === null);
  const caught = dangers.filter((c) => detectEmergency(c.text)?.numbers[0] === NUMBERS[c.kind!][0]).length;
  const falseAlarms = calm.filter((c) => detectEmergency(c.text) !== null).map((c) => c.text);
  const times: number[] = [];
  for (let r = 0; r < 100; r++)
    for (const c of cases) {
      const s = performance.now();
      detectEmergency(c.text);
      times.push(performance.now() - s);
    }
  times.sort((a, b) => a - b);
  return {
    emergencies: dangers.length,
    caught,
    nonEmergencies: calm.length,
    falseAlarms,
    p99Ms: percentile(times, 99),
  };
}

function emergencyRows(em: ReturnType<typeof emergencyEval>): Row[] {
  return [
    {
      metric: 'emergencies caught, right number first',
      value: `${em.caught} / ${em.emergencies}`,
      goal: 'all (≥ 60)',
      ok: em.caught === em.emergencies && em.emergencies >= 60,
    },
    {
      metric: 'false alarms',
      value: `${em.falseAlarms.length} / ${em.nonEmergencies}`,
      goal: '≤ 2 (≥ 30 texts)',
      ok: em.falseAlarms.length <= 2 && em.nonEmergencies >= 30,
    },
    { metric: 'emergency check p99', value: `${em.p99Ms.toFixed(4)} ms`, goal: '< 0.2 ms', ok: em.p99Ms < 0.2 },
  ];
}

export async function main(args: string[]): Promise<void> {
  const verbose = args.includes('--verbose');
  const demo = demoEntriesAsFaq(1);
  const keyById = new Map(demo.map((e) => [e.id, e.key]));
  const questions = loadEvalSet();

  const t0 = performance.now();
  const small = new FaqIndex(demo);
  const smallBuildMs = performance.now() - t0;
  const q = evaluate(small, questions, (id) => keyById.get(id));
  if (verbose)
    for (const m of q.misses)
      console.log(`miss  ${m.expect.padEnd(18)} ${m.outcome.padEnd(8)} ${m.got.join(' ')}  ← ${m.q}`);

  // Grow to 5,000 entries and time lookups.
  const size = 5000;
  const { entries, queries } = syntheticKb(size - demo.length, demo.length + 1);
  const heapBefore = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const big = new FaqIndex([...demo, ...entries]);
  const buildMs = performance.now() - t1;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const mix: [string, FaqLang][] = [];
  for (let i = 0; mix.length < 6000; i++) {
    const e = questions[i % questions.length] as EvalQuestion;
    mix.push([e.q, e.lang], queries[i % queries.length] as [string, FaqLang]);
  }
  for (const [text, lang] of mix.slice(0, 1000)) big.search(text, lang); // warm-up: JIT, segmenter caches
  // Wall time is what a resident waits; CPU time is this process's own work, which tells a slow lookup from a
  // busy machine (other processes, a CI box with two cores) when the wall-time tail looks bad.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const load = loadavg()[0] ?? 0;
  for (const [text, lang] of mix) {
    const c = process.cpuUsage();
    const s = performance.now();
    big.search(text, lang);
    times.push(performance.now() - s);
    cpuTimes.push(process.cpuUsage(c).user / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  const max = times[times.length - 1] ?? 0;
  const cpuP99 = percentile(cpuTimes, 99);

  // Staff edit an entry while the bot runs: replace() must be cheap at full size.
  const editTimes: number[] = [];
  for (const e of entries.slice(0, 200)) {
    const s = performance.now();
    big.replace({ ...e, phrasings: [...e.phrasings, `${e.question} 补充`] });
    editTimes.push(performance.now() - s);
  }
  editTimes.sort((a, b) => a - b);
  const atScale = evaluate(big, questions, (id) => keyById.get(id));

  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const em = emergencyEval();
  const rows: Row[] = [
    { metric: 'eval questions', value: q.total, goal: '≥ 150', ok: q.total >= 150 },
    { metric: 'top-1 accuracy', value: pct(q.top1), goal: '≥ 85 %', ok: q.top1 >= 0.85 },
    { metric: 'wrong confident answers', value: pct(q.wrongConfident), goal: '≤ 3 %', ok: q.wrongConfident <= 0.03 },
    { metric: 'choices contain the right entry', value: pct(q.choicesContain), goal: '', ok: true },
    { metric: 'answered at once, right', value: pct(q.answeredRight), goal: '', ok: true },
    { metric: `top-1 with ${size} entries`, value: pct(atScale.top1), goal: '(distractors)', ok: true },
    { metric: `wrong confident with ${size}`, value: pct(atScale.wrongConfident), goal: '(distractors)', ok: true },
    { metric: `search p50 @ ${size}`, value: `${p50.toFixed(3)} ms`, goal: '', ok: true },
    { metric: `search p99 @ ${size}`, value: `${p99.toFixed(3)} ms`, goal: '< 5 ms', ok: p99 < 5 },
    { metric: `search max @ ${size}`, value: `${max.toFixed(3)} ms`, goal: '', ok: true },
    { metric: `search CPU p99 @ ${size}`, value: `${cpuP99.toFixed(3)} ms`, goal: '', ok: true },
    { metric: 'machine load (1 min) / cores', value: `${load.toFixed(1)} / ${cpus().length}`, goal: '', ok: true },
    { metric: 'queries timed', value: times.length, goal: '≥ 5000', ok: times.length >= 5000 },
    {
      metric: `index build ${demo.length} / ${size}`,
      value: `${smallBuildMs.toFixed(1)} / ${buildMs.toFixed(0)} ms`,
      goal: '',
      ok: true,
    },
    {
      metric: 'replace() p50 / max',
      value: `${percentile(editTimes, 50).toFixed(3)} / ${(editTimes.at(-1) ?? 0).toFixed(3)} ms`,
      goal: '',
      ok: true,
    },
    { metric: `heap for ${size} entries`, value: `${heapMb.toFixed(1)} MB`, goal: '', ok: true },
    ...emergencyRows(em),
  ];
  report('faq', rows, { misses: q.misses, p50, p99, max, cpuP99, load, buildMs, heapMb, emergency: em });
}
