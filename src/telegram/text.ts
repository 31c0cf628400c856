/** Telegram refuses messages over 4096 characters. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Splits at line breaks where possible so long lists arrive as several readable messages. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = limit;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length) out.push(rest);
  return out;
}
