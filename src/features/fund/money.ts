// Money is integer fen everywhere; yuan strings exist only at the edges (what staff type, what people read, CSV).

/** The largest single amount anyone can type: ten million yuan. A typo of extra zeros is refused, not recorded. */
export const MAX_FEN = 1_000_000_000;

/** '100', '100.5', '1,000.50', '¥100', '100元' → fen; null if it is not a positive amount with at most two decimals. */
export function parseYuan(input: string): number | null {
  const s = input
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(元|块|yuan|rmb|cny)$/i, '');
  const m = /^(\d{1,9})(?:[.。](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 && fen <= MAX_FEN ? fen : null;
}

/** 1234550 → '12,345.50' (the sign kept for reversals). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** For CSV: 1234550 → '12345.50', no thousands separators so spreadsheets read it as a number. */
export const plainYuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
