import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png';
import { textToPaths } from './text-to-path';
import { SIZE } from './theme';

/** An SVG as a PNG, `scale` pixels per CSS pixel; text is drawn from outlines, so no font is loaded. */
export function rasterise(svg: string, width: number, scale: number = SIZE.scale): Buffer {
  const image = new Resvg(textToPaths(svg), {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { loadSystemFonts: false },
    background: '#ffffff',
  }).render();
  // resvg's own asPng() is the slow half of the work (png.ts)
  return encodePng(image.pixels, image.width, image.height);
}
