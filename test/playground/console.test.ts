import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import { INIT_DATA_HEADER } from '../../src/console/auth/viewer';
import { createPlayground, type Playground } from '../../src/playground/start';

const RESIDENT = 900_001;
const STAFF = 900_003;
const DEPUTY = 900_004;

describe('personas open the staff console from the playground', () => {
  let pg: Playground;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-playground-console-'));
    const config = createConfig({ PLAYGROUND_PORT: '0', CONSOLE_PORT: '0', LOG_LEVEL: 'silent' });
    pg = await createPlayground(config, {
      databasePath: join(dir, 'playground.db'),
      fresh: true,
      log: pino({ level: 'silent' }),
    });
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the console answers a persona who opened it from their chat (initData signed by the emulator). */
  async function open(persona: number, path = '/') {
    const r = await fetch(`${pg.url}/console/${persona}`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const at = new URL(r.headers.get('location')!);
    const initData = decodeURIComponent(/tgWebAppData=(.*)$/.exec(at.hash)![1]!);
    return fetch(`${at.origin}${path}`, { headers: { [INIT_DATA_HEADER]: initData } });
  }

  it('staff and the deputy get their pages, validated for real; a resident is refused', async () => {
    expect((await open(STAFF)).status).toBe(200);
    expect((await open(STAFF, '/fund')).status).toBe(200);
    expect((await open(DEPUTY, '/petitions')).status).toBe(200);
    expect((await open(DEPUTY, '/fund')).status).toBe(403);
    expect((await open(RESIDENT)).status).toBe(403);
  });
});
