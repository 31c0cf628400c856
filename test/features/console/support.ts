import { sign } from '@telegram-apps/init-data-node';
import { pino } from 'pino';
import { createConfig } from '../../../src/config';
import { createConsole, type StaffConsole } from '../../../src/console';
import { CSRF_FIELD, INIT_DATA_HEADER } from '../../../src/console/auth/viewer';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { createAreas } from '../../../src/features';
import { createI18n } from '../../../src/i18n';
import type { Platform } from '../../../src/platform';
import { createPlatform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { recordingTelegram } from '../../support/platform';

export const BOT_TOKEN = '123456:console-test-token';
export const ADMIN = 1;
export const DEPUTY = 3;
export const RESIDENT = 4;

export interface ConsoleWorld {
  h: DbHandle;
  platform: Platform;
  clock: ManualClock;
  console: StaffConsole;
  areas: ReturnType<typeof createAreas>;
  /** A request to the console's app, as a browser or a Mini App would send it. */
  request(path: string, init?: RequestInit & { cookie?: string; initData?: string }): Promise<Response>;
  /** initData Telegram would sign for this user at this moment (or with another token: a forgery). */
  initData(userId: number, at?: Date, token?: string): string;
  /** Opens a browser session by link; the cookie and the form token of its pages. */
  signIn(userId: number): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

/** The console on a fresh database with the real migrations: an admin (1), a deputy (3), a resident (4). */
export async function consoleWorld(env: Record<string, string> = {}): Promise<ConsoleWorld> {
  const h = await freshDb();
  const clock = new ManualClock(new Date('2026-03-10T02:00:00Z'));
  const config = createConfig({ LOG_LEVEL: 'silent', BOT_TOKEN, ADMIN_IDS: String(ADMIN), ...env });
  const platform = createPlatform({
    db: h.db,
    config,
    clock,
    log: pino({ level: 'silent' }),
    i18n: createI18n(config.DEFAULT_LOCALE),
    telegram: recordingTelegram(),
  });
  const { identity } = platform;
  await identity.touch({ id: ADMIN, first_name: 'Admin' });
  await identity.ensureAdmins([ADMIN]);
  for (const [id, name] of [
    [DEPUTY, 'Deputy'],
    [RESIDENT, 'Resident'],
  ] as const)
    await identity.touch({ id, first_name: name });
  const { code } = await identity.createInvitation(ADMIN, 'deputy');
  await identity.redeemInvitation(DEPUTY, code);
  const areas = createAreas(platform);
  const staffConsole = createConsole(platform, areas.services, pino({ level: 'silent' }));

  const request: ConsoleWorld['request'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (init.initData) headers.set(INIT_DATA_HEADER, init.initData);
    return Promise.resolve(staffConsole.app.request(`http://console.test${path}`, { ...init, headers }));
  };
  const world: ConsoleWorld = {
    h,
    platform,
    clock,
    console: staffConsole,
    areas,
    request,
    initData: (userId, at = clock.now(), token = BOT_TOKEN) =>
      sign({ user: { id: userId, first_name: `User ${userId}` } }, token, at),
    async signIn(userId) {
      const { token } = await identity.logins.createLink(userId);
      const res = await request('/login', { method: 'POST', body: form({ token }) });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await (await request('/', { cookie })).text();
      const csrf = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(page)?.[1] ?? '';
      return { cookie, csrf };
    },
    close: () => h.close(),
  };
  return world;
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields);
