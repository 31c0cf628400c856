import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { pictures } from '../../bench/charts/fixtures';
import { encodePng } from '../../src/charts/png';
import { rasterise } from '../../src/charts/raster';
import { renderSvg } from '../../src/charts/render';
import { textToPaths } from '../../src/charts/text-to-path';

/** A PNG read back by another decoder (resvg's, from the png crate): its size and its RGBA pixels. */
function decoded(png: Buffer) {
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">
    <image width="${size.width}" height="${size.height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return { ...size, pixels: new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels };
}

describe('the PNG a picture is sent as', () => {
  const [, spec] = pictures('zh-CN').find(([name]) => name === 'report: community report')!;
  const drawn = new Resvg(textToPaths(renderSvg(spec)), {
    fitTo: { mode: 'width', value: 810 },
    font: { loadSystemFonts: false },
    background: '#ffffff',
  }).render();

  it('holds, pixel for pixel, what resvg drew, and is smaller than resvg would have written it', () => {
    const png = encodePng(drawn.pixels, drawn.width, drawn.height);
    const back = decoded(png);
    expect([back.width, back.height]).toEqual([810, drawn.height]);
    expect(back.pixels.equals(drawn.pixels)).toBe(true);
    expect(png.length).toBeLessThan(drawn.asPng().length);
  });

  it('is what the bot sends: two pictures in a row, the second smaller, each whole', () => {
    const big = rasterise(renderSvg(spec), spec.width);
    const [, small] = pictures('zh-CN').find(([name]) => name !== 'report: community report')!;
    const next = rasterise(renderSvg(small), small.width);
    expect(decoded(big).pixels.equals(drawn.pixels)).toBe(true);
    expect(decoded(next).height).toBeLessThan(drawn.height);
  });

  it('refuses pixels that do not fill the size given', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/16 bytes/);
  });
});
