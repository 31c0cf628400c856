import { NotHandler } from '../../features/petitions/errors';
import { Refused } from '../auth/viewer';
import type { ConsoleDeps, Viewer } from '../context';

/** The petition as its handler sees it; anyone else (another community's deputy, by id) refused and recorded. */
export async function asHandler(
  { platform, services }: Pick<ConsoleDeps, 'platform' | 'services'>,
  v: Viewer,
  id: number,
  req: { method: string; path: string },
) {
  try {
    return await services.petitions.handlerView({ id: v.user.id, roles: v.roles }, id);
  } catch (err) {
    if (!(err instanceof NotHandler)) throw err;
    await platform.identity.denied(v.user.id, `console:${req.method} ${req.path} (not theirs)`);
    throw new Refused(403, 'role');
  }
}
