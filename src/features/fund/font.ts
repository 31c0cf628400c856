import type { Canvas, Rgb } from './png';

// A 5×7 bitmap font for the characters chart labels need (amounts in yuan). Each row is 5 bits, high bit left.
const GLYPHS: Record<string, number[]> = {
  '0': [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
  '1': [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
  '2': [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
  '3': [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
  '4': [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
  '5': [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
  '6': [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
  '7': [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
  '8': [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
  '9': [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
  '.': [0, 0, 0, 0, 0, 0x0c, 0x0c],
  ',': [0, 0, 0, 0, 0x0c, 0x04, 0x08],
  '-': [0, 0, 0, 0x1f, 0, 0, 0],
  '%': [0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03],
  ' ': [0, 0, 0, 0, 0, 0, 0],
};

export const GLYPH_W = 5;
export const GLYPH_H = 7;

/** Width in pixels of `s` drawn at `scale` with one blank column between characters. */
export const textWidth = (s: string, scale: number) => (s.length === 0 ? 0 : (s.length * (GLYPH_W + 1) - 1) * scale);

/** Draws `s` with its top-left corner at (x, y); characters the font lacks are left blank. */
export function drawText(c: Canvas, s: string, x: number, y: number, scale: number, color: Rgb): void {
  let cx = x;
  for (const ch of s) {
    const rows = GLYPHS[ch] ?? GLYPHS[' ']!;
    rows.forEach((bits, row) => {
      for (let col = 0; col < GLYPH_W; col++)
        if (bits & (1 << (GLYPH_W - 1 - col))) c.fill(cx + col * scale, y + row * scale, scale, scale, color);
    });
    cx += (GLYPH_W + 1) * scale;
  }
}
