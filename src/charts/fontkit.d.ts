// fontkit ships no types; this is the part of its API the charts use (fontkit 2.x, src/index.js).
declare module 'fontkit' {
  export interface Path {
    toSVG(): string;
    scale(x: number, y?: number): Path;
  }
  export interface Glyph {
    id: number;
    advanceWidth: number;
    path: Path;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(filename: string): Font;
}
