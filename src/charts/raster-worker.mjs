// The rasteriser's thread (see raster-pool.ts): an SVG whose text is already outlines in, a PNG out, off the bot's
// event loop. Plain JS: it runs as it is.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

parentPort.on('message', ({ svg, width }) => {
  try {
    const r = new Resvg(svg, {
      fitTo: { mode: 'width', value: width },
      font: { loadSystemFonts: false },
      background: '#ffffff',
    });
    const png = r.render().asPng();
    parentPort.postMessage({ png }, [png.buffer]);
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
