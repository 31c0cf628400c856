// Emergencies are not petitions: someone in danger must call 119/110/120 now, not wait for a deputy.
// Words that only imagine a danger ("万一着火了人出不去" about a blocked fire exit) are not an emergency.

const DANGER = [
  /(着火|起火|失火|火灾|烧起来|火很大|冒烟了|浓烟)/,
  /(煤气|燃气|天然气|液化气).{0,4}(泄漏|泄露|漏了|味)|漏气/,
  /(被困|困住了|困在|溺水|落水|被冲走|淹到人)/,
  /(正在|有人在|现在).{0,6}(偷|抢|打人|砍|撬门|打架|行凶)|抢劫|打劫|持刀|砍人|行凶/,
  /(晕倒|昏迷|没有呼吸|没呼吸|大出血|救命)/,
  /\bfire\b(?!\s*(exit|escape|door|hydrant|risk|hazard|safety|extinguisher|lane|truck|station))/i,
  /\b(burning|gas leak|smell of gas|trapped|drowning|robbery|stabbing|unconscious|not breathing)\b/i,
];

const HYPOTHETICAL =
  /(如果|万一|要是|一旦|真的?|怕|担心|防止|预防|隐患|容易|可能|会不会|if|in case|could|might|risk)\s*$/i;

/** True when the text reports a danger happening now. */
export function isEmergency(text: string): boolean {
  for (const re of DANGER) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      if (!HYPOTHETICAL.test(before)) return true;
    }
  }
  return false;
}
