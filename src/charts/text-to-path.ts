import { glyphRun, unitsPerEm, weightOf } from './fonts';

// ECharts' SSR SVG writes each label as a <text> element (dominant-baseline central, text-anchor start | middle |
// end, its font in a style attribute, a translate or matrix transform). Before rasterising, each becomes a group of
// <use>s of glyph outlines defined once in <defs>: resvg then needs no font at all.

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;

/** Where the baseline sits below a centrally aligned line, as a share of the font size: the middle of the em box. */
const CENTRAL = 0.38;
/** Attributes that paint the text, carried over to its outlines (stroke width is rescaled). */
const PAINT = [
  'fill',
  'fill-opacity',
  'opacity',
  'stroke',
  'stroke-opacity',
  'paint-order',
  'stroke-linejoin',
  'class',
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

function attrsOf(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, k, v] of s.matchAll(ATTR)) out.set(k!, v!);
  return out;
}

/** font-size and font-weight from `font-size:12px;font-weight:bold;` or `font: bold 12px sans-serif`. */
function fontOf(style: string): { size: number; weight: ReturnType<typeof weightOf> } {
  const size = /font-size:\s*([\d.]+)px/.exec(style) ?? /font:[^;]*?([\d.]+)px/.exec(style);
  const weight = /font-weight:\s*([\w]+)/.exec(style)?.[1] ?? /font:\s*([^;]*?)[\d.]+px/.exec(style)?.[1];
  return { size: size ? Number(size[1]) : 12, weight: weightOf(weight) };
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/** The SVG with every <text> drawn as glyph outlines; what was drawn is the same, pixel for pixel close. */
export function textToPaths(svg: string): string {
  const used = new Map<string, string>();
  const body = svg.replace(TEXT, (_m, rawAttrs: string, rawText: string) => {
    const a = attrsOf(rawAttrs);
    const text = decode(rawText);
    const { size, weight } = fontOf(a.get('style') ?? '');
    const run = glyphRun(text, weight);
    const k = size / unitsPerEm(weight);
    const width = run.reduce((w, g) => w + g.advance, 0) * k;
    const anchor = a.get('text-anchor');
    const x = Number(a.get('x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const y = Number(a.get('y') ?? 0) + (a.get('dominant-baseline') === 'central' ? size * CENTRAL : 0);
    const transform = `${a.get('transform') ?? ''} translate(${num(x)} ${num(y)}) scale(${num(k)})`.trim();
    const paint = PAINT.flatMap((p) => (a.has(p) ? [`${p}="${a.get(p)}"`] : []));
    if (a.has('stroke-width')) paint.push(`stroke-width="${num(Number(a.get('stroke-width')) / k)}"`);
    let ox = 0;
    const uses: string[] = [];
    for (const g of run) {
      if (g.d) {
        used.set(g.key, g.d);
        uses.push(`<use xlink:href="#${g.key}" x="${ox}"/>`);
      }
      ox += g.advance;
    }
    return `<g transform="${transform}" ${paint.join(' ')}>${uses.join('')}</g>`;
  });
  if (used.size === 0) return body;
  const defs = `<defs>${[...used].map(([key, d]) => `<path id="${key}" d="${d}"/>`).join('')}</defs>`;
  return body.replace(/(<svg\b[^>]*>)/, `$1${defs}`);
}
