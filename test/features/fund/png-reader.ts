import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { CHART } from '../../../src/features/fund/chart';
import { crc32 } from '../../../src/features/fund/png';

/** A small independent PNG reader: checks the signature and every chunk's CRC, returns IHDR, tEXt and pixels. */
export function readPng(buf: Buffer) {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let o = 8; o < buf.length; ) {
    const len = buf.readUInt32BE(o);
    const type = buf.subarray(o + 4, o + 8).toString('latin1');
    const data = buf.subarray(o + 8, o + 8 + len);
    expect(buf.readUInt32BE(o + 8 + len), `CRC of ${type}`).toBe(crc32(buf.subarray(o + 4, o + 8 + len)));
    chunks.push({ type, data });
    o += 12 + len;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks.at(-1)!.type).toBe('IEND');
  const ihdr = chunks[0]!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const text = Object.fromEntries(
    chunks.filter((c) => c.type === 'tEXt').map((c) => c.data.toString('latin1').split('\0') as [string, string]),
  );
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  expect(raw.length).toBe((width * 3 + 1) * height);
  const pixel = (x: number, y: number) => {
    const i = y * (width * 3 + 1) + 1 + x * 3;
    return [raw[i], raw[i + 1], raw[i + 2]];
  };
  return { width, height, bitDepth: ihdr[8], colorType: ihdr[9], interlace: ihdr[12], text, pixel };
}

/** Length in pixels of the run of `color` starting at the chart's left edge on row y. */
export function runLength(png: ReturnType<typeof readPng>, y: number, color: readonly number[]) {
  let n = 0;
  while (CHART.left + n < png.width && png.pixel(CHART.left + n, y).join() === color.join()) n++;
  return n;
}
