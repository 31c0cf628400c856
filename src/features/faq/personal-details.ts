// Personal details in a text about to become a common question (issue 13 item 5): a staff answer begins
// "王阿姨您好" and would greet every resident who asks, or gives one family's door number and phone. Found here to be
// pointed out for staff to edit away — never removed silently, and never a reason to refuse (an office phone number
// is fine in an answer; staff decide).

export type DetailKind = 'residentName' | 'name' | 'phone' | 'address' | 'idNumber';

export interface PersonalDetail {
  kind: DetailKind;
  /** The words as they stand in the text. */
  text: string;
}

/** The names of the person who asked, as Telegram and the bot know them. */
export interface Asker {
  firstName: string;
  lastName: string | null;
  username: string | null;
}

// The common surnames: a surname before 阿姨/师傅… is a name. After 老/小 ("老王", "小李") only the surnames that
// make no everyday word that way (not 时 of 小时, 高 of 小高层).
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任',
  ...'姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文欧',
].join('');
const PLAIN_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗梁宋郑谢韩唐冯董曹袁邓许沈曾彭吕苏卢蒋蔡魏薛叶潘杜夏钟汪姜';
const HONORIFICS =
  '阿姨|叔叔|大爷|大妈|大娘|奶奶|爷爷|婆婆|阿婆|伯伯|大伯|老伯|大姐|大哥|大叔|老师|师傅|先生|女士|小姐|同志|姐姐|哥哥';

const PATTERNS: { kind: DetailKind; re: RegExp }[] = [
  { kind: 'idNumber', re: /(?<!\d)\d{17}[\dXx](?!\d)/g },
  // Mobile numbers (138 0000 0000, 138-0000-0000) and land lines (0731-2222333, 0731-0000-0000, (0731)2222333).
  { kind: 'phone', re: /(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g },
  { kind: 'phone', re: /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)/g },
  // A home: 3栋2单元502室, 5号楼, 12号院, 建设路12号 — not "每月5号" or "二楼" (a date, the office's floor).
  {
    kind: 'address',
    re: /(?:[\d一二三四五六七八九十]+(?:栋|幢|号楼|号院|单元|室)[\s-]*)+|[\p{Script=Han}]{2,4}(?:路|街|巷|大道)\d+号/gu,
  },
  { kind: 'address', re: /\b(?:room|flat|apt\.?|apartment|unit|building|block)\s*(?:no\.?\s*)?\d+[a-z]?\b/gi },
  { kind: 'address', re: /\b\d+[a-z]?\s+[A-Z][a-z]+\s+(?:Road|Street|Lane|Avenue|Rd|St)\b/g },
  { kind: 'name', re: new RegExp(`[${SURNAMES}](?:${HONORIFICS})`, 'g') },
  { kind: 'name', re: new RegExp(`[老小][${PLAIN_SURNAMES}]`, 'g') },
  { kind: 'name', re: /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+/g },
  { kind: 'name', re: /^(?:Dear|Hi|Hello)\s+[A-Z][a-z]+/gm },
];

const isCjk = (s: string) => /\p{Script=Han}/u.test(s);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways the asker's own name can stand in a text: as Telegram has it, and by surname with a courtesy title. */
function askerForms(a: Asker | undefined): { exact: string[]; surname: string | null } {
  if (!a) return { exact: [], surname: null };
  const last = a.lastName ?? '';
  const parts = [a.firstName, last, `${last}${a.firstName}`, `${a.firstName}${last}`, `${a.firstName} ${last}`];
  const exact = [...new Set([...parts, a.username ?? ''].map((s) => s.trim()))].filter((s) =>
    isCjk(s) ? [...s].length >= 2 : s.length >= 3,
  );
  const first = [...(a.lastName && isCjk(a.lastName) ? a.lastName : a.firstName).trim()][0];
  return { exact, surname: first && SURNAMES.includes(first) ? first : null };
}

/**
 * Names, phone numbers, addresses and ID numbers in `text`, each once, the asker's own name first (it is the one
 * a whole neighbourhood would then read), then in the order they appear.
 */
export function personalDetails(text: string, asker?: Asker): PersonalDetail[] {
  const own = askerForms(asker);
  const found: (PersonalDetail & { at: number })[] = [];
  const overlaps = (s: string) => found.some((f) => f.text.includes(s) || s.includes(f.text));
  // Longest first: "王秀英" rather than "秀英" inside it. A Latin name only as a whole word ("Tom", not "tomorrow").
  for (const name of [...own.exact].sort((x, y) => y.length - x.length)) {
    const re = isCjk(name) ? new RegExp(escapeRe(name)) : new RegExp(`\\b${escapeRe(name)}\\b`, 'i');
    const m = re.exec(text);
    if (m && !overlaps(m[0])) found.push({ kind: 'residentName', text: m[0], at: m.index });
  }
  for (const { kind, re } of PATTERNS)
    for (const m of text.matchAll(re)) {
      const s = m[0].trim();
      if (overlaps(s)) continue;
      const mine = kind === 'name' && own.surname !== null && s.includes(own.surname);
      found.push({ kind: mine ? 'residentName' : kind, text: s, at: m.index ?? 0 });
    }
  const rank = (d: PersonalDetail) => (d.kind === 'residentName' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || a.at - b.at).map(({ kind, text: s }) => ({ kind, text: s }));
}
