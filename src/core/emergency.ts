import { normalize } from './chinese';

// Danger first (DESIGN.md): any text that reads as someone in danger now gets the numbers to call before anything
// else — before a flow takes it as an answer and before the FAQ looks it up. One check for every piece of text.
// It reads normalised text (traditional → simplified, full-width → half-width, dialect words, lower case).

export type EmergencyKind = 'fire' | 'gas' | 'medical' | 'violence' | 'trapped' | 'flood' | 'electric' | 'drowning';

/** The number to call first, then the others that may be needed, for each situation (China: 119 fire and rescue, 110 police, 120 ambulance). */
export const NUMBERS: Record<EmergencyKind, readonly string[]> = {
  fire: ['119', '120'],
  gas: ['119', '120'],
  medical: ['120', '110'],
  violence: ['110', '120'],
  trapped: ['119', '110'],
  flood: ['119', '110', '120'],
  electric: ['120', '119'],
  drowning: ['119', '120', '110'],
};

// Checked in this order: the first kind that matches decides which number comes first.
const PATTERNS: [EmergencyKind, RegExp][] = [
  ['electric', /触电|电到人|被电到|被电击|电击|漏电.{0,6}(电到|倒|人)|electrocut|electric shock/],
  [
    'drowning',
    /溺水|落水|掉(进|到|下)?(了)?(河|水|塘|池|湖|江)|掉水里|淹(死|到)?(了)?(人|小孩|孩子|老人)|被水冲走|被冲走|沉下去|drown|fell (in|into) the (water|river|lake)|swept away/,
  ],
  [
    'fire',
    /着火|起火|失火|火灾|火警|烧起来|烧着了|火烧|冒烟|浓烟|好大的?烟|好多烟|火(好|很|太)大|火势|冒火|爆炸|(煤气|燃气|液化气)罐.{0,3}(爆|炸)|on fire|\bfire\b(?! (exit|escape|door|hydrant|risk|hazard|safety|extinguisher|lane|truck|station|drill|alarm test|prevention|insurance))|burning|thick smoke|smoke (is )?(coming|everywhere|filling)|explosion/,
  ],
  [
    'gas',
    /(煤气|燃气|天然气|液化气|瓦斯).{0,6}(泄漏|泄露|漏了|漏气|味|好臭|冲鼻|中毒)|漏气|闻到.{0,4}(煤气|燃气)|一氧化碳中毒|煤气中毒|gas leak|smell(s)? (of )?gas|leaking gas|carbon monoxide/,
  ],
  [
    'violence',
    /打人|打架|斗殴|砍人|持刀|拿(着)?刀|捅人|捅了|杀人|要杀|抢劫|打劫|抢(包|钱|手机)|家暴|(有人|他|她)(在)?打我|被(人)?打(了|伤)|绑架|拐(卖|走)|撬(门|锁)|入室|小偷(在|进)|(正在|在)偷|行凶|持枪|attack(ed|ing)? (me|us|him|her|someone|people)|being attacked|stab(bed|bing)?|robbery|being robbed|someone (is )?(hitting|beating)|fighting|has a knife|break-?in|domestic violence|kidnap/,
  ],
  [
    'trapped',
    /被困|困住|困在|关在电梯|电梯.{0,4}(困|卡住|关住|停了.{0,4}人|里有人)|卡在电梯|锁在(屋|房|家|车)里|(出不来|出不去)(了|啦)|trapped|stuck in (the )?(lift|elevator)|locked in/,
  ],
  [
    'flood',
    /(水|洪水|大水).{0,4}(淹|冲|漫).{0,6}(人|老人|小孩|孩子|屋里|家里)|淹到人|水(已经)?(淹|涨)到(胸|脖子|腰)|flood.{0,20}(trapped|people|someone|child)/,
  ],
  [
    'medical',
    /晕倒|昏倒|晕过去|昏过去|昏迷|倒地|倒在地上|栽倒|不省人事|没有呼吸|没呼吸|不呼吸|没气了|没有心跳|心脏病(犯|发)|心梗|中风|抽搐|口吐白沫|大出血|流血不止|血流不止|(好多|很多)血|割腕|自杀|喝(了)?农药|服毒|吃了?安眠药|噎住|卡住喉咙|喘不过气|(摔|跌)(倒|下来)?了?.{0,6}(起不来|不动|流血|昏)|人不行了|快不行了|救命|collapsed|fainted|unconscious|not breathing|heart attack|stroke|bleeding (badly|heavily|a lot)|seizure|overdose|choking|help me|suicide/,
  ],
];

/** Words that put the danger in a supposition, a precaution or a lesson: "万一着火了", "怎么预防煤气中毒". */
const NOT_NOW =
  /(如果|万一|要是|一旦|假如|假设|怕|担心|防止|预防|避免|防范|以防|隐患|容易|可能|会不会|演练|培训|知识|宣传|教育|讲座|课|安全|怎么防|\bif\b|in case|how (do i|to) (prevent|avoid)|prevent|safety|drill|training|risk)/;

/** Right before the words, a supposition settles it whatever follows: "万一着火了人出不去". */
const SUPPOSING = /(如果|万一|要是|一旦|假如|假设|怕|担心|防止|预防|避免|真|if|in case)\s*$/;

/** Asking how to handle or teach something is a question for the FAQ, even with 了: "孩子打架了怎么教育". */
const ADVICE = /怎么(教育|预防|防|处理|保养|办理|避免)|注意(什么|事项)|how (do i|to|can i) (prevent|avoid|teach|stop)/;

/** What makes it clearly happening: "着火了", "正在打人", "快来", "救命", "!". */
const NOW = /(了|啦|哒|咯|喽|!|快|赶紧|正在|现在|救命|help|now|hurry)/;

export interface Emergency {
  kind: EmergencyKind;
  /** In the order to call. */
  numbers: readonly string[];
}

/** The danger the text reports as happening now, or null. Costs a few regular expressions on one short string. */
export function detectEmergency(text: string): Emergency | null {
  if (text.length > 2000) text = text.slice(0, 2000);
  const s = normalize(text);
  if (s.length < 2) return null;
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    // A supposition or a lesson near the words ("消防安全知识", "万一着火") is not a report — unless it also says it is
    // happening ("楼下着火了，怎么办").
    const end = m.index + m[0].length;
    // English words are long: look further around them.
    const reach = /[a-z]/.test(m[0]) ? 30 : 10;
    if (SUPPOSING.test(s.slice(Math.max(0, m.index - 6), m.index)) || ADVICE.test(s)) continue;
    const around = s.slice(Math.max(0, m.index - reach), end + reach);
    if (NOT_NOW.test(around) && !NOW.test(s.slice(end, end + 4))) continue;
    return { kind, numbers: NUMBERS[kind] };
  }
  return null;
}
