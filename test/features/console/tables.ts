/** Decodes what hono/html escaped, so a cell reads as the browser shows it. */
const asText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The cells of the first table row whose first cell reads `first`, as text; undefined when there is none. */
export function cellsOf(page: string, first: string): string[] | undefined {
  for (const row of page.split('<tr>').slice(1)) {
    const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => asText(m[1]!.replace(/<[^>]+>/g, '')).trim());
    if (cells[0] === first) return cells;
  }
  return undefined;
}
