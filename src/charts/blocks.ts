import { FONT, INK, MUTED, PALETTE, RULE, SIZE } from './theme';

// Blocks of text drawn as ECharts graphic elements: headline figures, a statement's lines, a heading, a footnote.

/** An ECharts graphic element (option.graphic.elements). */
export type Element = Record<string, unknown>;

/** Height of a chart's title block (title, subtitle, space under them). */
export const HEAD = 96;

export const text = (x: number, y: number, s: string, style: Record<string, unknown> = {}): Element => ({
  type: 'text',
  x,
  y,
  style: { text: s, fill: INK, fontSize: FONT.label, fontFamily: 'Noto Sans SC', ...style },
});

/** A section's heading inside a picture. */
export const heading = (s: string, y: number): Element => text(SIZE.pad, y, s, { fontSize: 17, fontWeight: 'bold' });

/** A small line at the foot: where the numbers come from, and when. */
export const footnote = (s: string, y: number): Element => text(SIZE.pad, y, s, { fontSize: FONT.small, fill: MUTED });

export interface Figure {
  label: string;
  value: string;
  note?: string;
}

/** Headline figures in a grid, two a row: the label small, the figure large, an optional note under it. */
export function figures(items: readonly Figure[], top: number, columns = 2): { elements: Element[]; height: number } {
  const cell = (SIZE.width - 2 * SIZE.pad) / columns;
  const rowH = items.some((f) => f.note) ? 84 : 64;
  const elements = items.flatMap((f, i) => {
    const x = SIZE.pad + (i % columns) * cell;
    const y = top + Math.floor(i / columns) * rowH;
    const out = [
      text(x, y, f.label, { fontSize: FONT.small, fill: MUTED }),
      text(x, y + 18, f.value, { fontSize: FONT.figure, fontWeight: 'bold', fill: PALETTE[0] }),
    ];
    if (f.note) out.push(text(x, y + 52, f.note, { fontSize: FONT.small, fill: MUTED }));
    return out;
  });
  return { elements, height: Math.ceil(items.length / columns) * rowH };
}

export interface Line {
  label: string;
  value?: string;
  /** A heading or a total: bold, with a rule under it. */
  strong?: boolean;
  /** A part of the line above it: indented and lighter. */
  part?: boolean;
}

/** Lines of a statement: the label on the left, the amount on the right. */
export function lines(items: readonly Line[], top: number): { elements: Element[]; height: number } {
  const rowH = 30;
  const right = SIZE.width - SIZE.pad;
  const elements = items.flatMap((l, i) => {
    const y = top + i * rowH;
    const style = { fontWeight: l.strong ? 'bold' : 'normal', fill: l.part ? MUTED : INK };
    const out = [text(SIZE.pad + (l.part ? 18 : 0), y, l.label, style)];
    if (l.value !== undefined) out.push(text(right, y, l.value, { ...style, textAlign: 'right' }));
    if (l.strong)
      out.push({
        type: 'rect',
        shape: { x: SIZE.pad, y: y + 24, width: right - SIZE.pad, height: 1 },
        style: { fill: RULE },
      });
    return out;
  });
  return { elements, height: items.length * rowH };
}
