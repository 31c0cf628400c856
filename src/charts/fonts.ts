import { createRequire } from 'node:module';
import { type Font, openSync } from 'fontkit';

// The chart font: Noto Sans SC from npm (@expo-google-fonts/noto-sans-sc), so a chart looks the same on every
// machine and needs no system fonts. Each weight is opened once, on first use, and every glyph's outline is kept:
// resvg would re-read and re-shape the 10 MB font on every render (measured: 150–600 ms and hundreds of MB), so
// text is drawn here as paths and resvg renders no text at all.

export type Weight = 'regular' | 'bold';

const FILES: Record<Weight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

const require = createRequire(import.meta.url);
const fonts = new Map<Weight, Font>();

function font(weight: Weight): Font {
  let f = fonts.get(weight);
  if (!f) {
    f = openSync(require.resolve(FILES[weight]));
    fonts.set(weight, f);
  }
  return f;
}

/** A glyph as the charts use it: its outline in font units (y down, origin on the baseline) and its advance. */
export interface Glyph {
  /** Unique over both weights, for the SVG's <defs>. */
  key: string;
  /** Empty for a space. */
  d: string;
  advance: number;
}

// Chart text is a small vocabulary (digits, labels, names of places), so the cache stays small; it is bounded all
// the same, as staff type the names.
const GLYPH_CACHE_MAX = 8000;
const glyphs = new Map<string, Glyph>();

function glyphOf(weight: Weight, ch: number): Glyph {
  const id = `${weight[0]}${ch}`;
  let g = glyphs.get(id);
  if (!g) {
    const fg = font(weight).glyphForCodePoint(ch);
    // A character the font lacks (an emoji) is left out rather than drawn as a box.
    g =
      fg.id === 0
        ? { key: id, d: '', advance: 0 }
        : { key: id, d: fg.path.scale(1, -1).toSVG(), advance: fg.advanceWidth };
    if (glyphs.size >= GLYPH_CACHE_MAX) glyphs.clear();
    glyphs.set(id, g);
  }
  return g;
}

/** The glyphs of a line of text, left to right (Chinese and the Latin labels need no shaping beyond this). */
export function glyphRun(text: string, weight: Weight): Glyph[] {
  const out: Glyph[] = [];
  for (const c of text) out.push(glyphOf(weight, c.codePointAt(0)!));
  return out;
}

/** Font units per em: outlines are scaled by size / UNITS_PER_EM. Noto Sans SC is drawn on a 1000-unit em. */
export const unitsPerEm = (weight: Weight = 'regular') => font(weight).unitsPerEm;

/** Width in pixels of `text` at `size` px. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  let w = 0;
  for (const g of glyphRun(text, weight)) w += g.advance;
  return (w * size) / unitsPerEm(weight);
}

/** 'bold 14px sans-serif', '600', 'bolder' … → the weight drawn. */
export const weightOf = (css: string | undefined): Weight =>
  css && /\b(bold|bolder|[6-9]00)\b/.test(css) ? 'bold' : 'regular';
