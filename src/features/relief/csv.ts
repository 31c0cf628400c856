// RFC 4180 CSV, as spreadsheets (Excel, WPS) write it: quoted fields, doubled quotes, CRLF, an optional BOM.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const quote = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** With a BOM so Excel opens the Chinese text as UTF-8. */
export const toCsv = (rows: (string | number | null)[][]): `\uFEFF${string}` => `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
