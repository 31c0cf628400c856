import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { CONSOLE_ROLES, consolePolicy } from '../policy';
import { int } from '../views/parts';
import { asHandler } from './petition-access';

/** JPEG is what Telegram makes of a photo; a PNG sent as a file keeps its own type. */
const typeOf = (b: Buffer) => (b.subarray(0, 4).toString('latin1') === '\x89PNG' ? 'image/png' : 'image/jpeg');

/**
 * A petition's photo, fetched from Telegram by the bot's getFile when a page asks for it (no database transaction is
 * open then; nothing is kept, so a photo never outlives who may see it). Only those who handle the petition get it:
 * staff and the deputies of its area; a resident's photo is never shown to another area's deputy.
 */
export function petitionPhotos(app: ConsoleApp, deps: ConsoleDeps) {
  app.get('/petitions/:id/photos/:n', need(deps.platform.identity, ...CONSOLE_ROLES), async (c) => {
    const id = int(c.req.param('id'));
    const n = int(c.req.param('n'));
    if (id === undefined || n === undefined) return c.notFound();
    const d = await asHandler(deps, c.get('viewer')!, id, c.req);
    const fileId = d.photos[n - 1];
    if (!fileId) return c.notFound();
    let bytes: Buffer;
    try {
      bytes = await deps.platform.telegram.fileBytes(fileId, consolePolicy.maxPhotoBytes);
    } catch (err) {
      // Telegram unreachable, or the file gone from its servers: the page says so instead of a broken error page.
      deps.platform.log.warn({ err, petition: id, n }, 'a petition photo could not be fetched');
      return c.text(c.get('t')('console.petitions.photoUnavailable'), 502);
    }
    return c.body(new Uint8Array(bytes), 200, { 'content-type': typeOf(bytes) });
  });
}
