import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, openPostgresDatabase } from '../../../src/db/client';
import { freshPgUrl, testEngine } from '../../support/db';

// `seed demo` is for the playground and tries: it refuses a database that holds a real deployment unless --force.

const root = join(import.meta.dirname, '..', '..', '..');

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, BOT_TOKEN: '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('seed demo', () => {
  it('loads the demo into an empty database and again into its own, but refuses real data unless --force', async () => {
    const url = testEngine === 'postgres' ? await freshPgUrl() : null;
    const path = join(mkdtempSync(join(tmpdir(), 'linli-seed-')), 's.db');
    const env: Record<string, string> = url ? { DATABASE_URL: url } : { DATABASE_PATH: path };
    let r = await cli(env, 'seed', 'demo');
    expect(r.code, r.output).toBe(0);
    r = await cli(env, 'seed', 'demo');
    expect(r.code, r.output).toBe(0);
    // a community of the deployment's own, as an admin would add it in the chat
    const h = url ? openPostgresDatabase(url, 1) : openDatabase(path);
    await h.db
      .insertInto('communities')
      .values({ subdistrict: '新华街道', name_zh: '新华社区', name_en: 'Xinhua Community' })
      .execute();
    const users = Number(
      (
        await h.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
    await h.close();
    r = await cli(env, 'seed', 'demo');
    expect(r.code).toBe(1);
    expect(r.output).toContain('refused: this database holds real data');
    expect(r.output).toContain('新华社区');
    const h2 = url ? openPostgresDatabase(url, 1) : openDatabase(path);
    const after = Number(
      (
        await h2.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
    await h2.close();
    expect(after).toBe(users);
    r = await cli(env, 'seed', 'demo', '--force');
    expect(r.code, r.output).toBe(0);
  }, 120_000);
});
