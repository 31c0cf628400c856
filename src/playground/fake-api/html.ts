// Telegram's HTML parse mode, checked the way Telegram checks it, so an escaping bug fails a test
// exactly as it would fail in production ("can't parse entities").

const ALLOWED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export class EntityParseError extends Error {}

/** Returns the plain text Telegram would show; throws EntityParseError where Telegram answers 400. */
export function parseHtml(html: string): string {
  let out = '';
  const stack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new EntityParseError(`Unclosed start tag at byte offset ${i}`);
      const raw = html.slice(i + 1, end).trim();
      const closing = raw.startsWith('/');
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!ALLOWED.has(name)) throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        if (stack.pop() !== name)
          throw new EntityParseError(
            `Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ''}>", found "</${name}>"`,
          );
      } else stack.push(name);
      i = end + 1;
    } else if (ch === '&') {
      const m = /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      if (!m) {
        out += '&'; // Telegram tolerates a bare & followed by a non-entity
        i++;
        continue;
      }
      const ent = m[1]!;
      if (ent.startsWith('#x')) out += String.fromCodePoint(parseInt(ent.slice(2), 16));
      else if (ent.startsWith('#')) out += String.fromCodePoint(Number(ent.slice(1)));
      else if (NAMED[ent.toLowerCase()]) out += NAMED[ent.toLowerCase()];
      else throw new EntityParseError(`Unsupported HTML entity "&${ent};" at byte offset ${i}`);
      i += m[0].length;
    } else if (ch === '>') {
      out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  if (stack.length) throw new EntityParseError(`Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return out;
}
