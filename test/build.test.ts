import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../src/playground/fake-api';
import { texts } from './support/chat';
import { killAll, launch } from './support/process';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'linli-build-'));
let api: FakeBotApi;
afterAll(async () => {
  killAll();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The installed packages without tsx and esbuild: what production has, if the build needs neither at run time. */
function packagesWithoutTsx(into: string): void {
  const from = join(root, 'node_modules');
  mkdirSync(into);
  for (const name of readdirSync(from)) {
    if (name === 'tsx' || name === 'esbuild' || name === '@esbuild' || name === '.bin') continue;
    symlinkSync(join(from, name), join(into, name));
  }
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', `--outdir=${join(dir, 'app')}`], { cwd: root, stdio: 'pipe' });
  packagesWithoutTsx(join(dir, 'node_modules'));
}, 60_000);

/** Runs `code` (an ES module) in a fresh node beside the built app, as production would load it; gives its output. */
const runBuilt = (code: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: join(dir, 'app'), stdio: 'pipe' })
    .toString('utf8')
    .trim();

describe('the built bot (npm run build, then npm start)', () => {
  it('runs from another folder with no tsx installed: its CLI seeds the demo, it answers /help and draws the fund picture on its thread', async () => {
    const DATABASE_PATH = join(dir, 'b.db');
    // the built CLI migrates and loads the demo data (the fund's entries, for its picture)
    execFileSync(process.execPath, [join(dir, 'app', 'src', 'cli', 'main.js'), 'seed', 'demo'], {
      env: { ...process.env, DATABASE_PATH, LOG_LEVEL: 'warn' },
      stdio: 'pipe',
    });
    api = await FakeBotApi.start();
    const bot = launch(
      { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_PATH },
      join(dir, 'app', 'src', 'main.js'),
    );
    const u = api.user({ id: 31, language_code: 'en', first_name: 'Ann' });
    const help = await (await u.command('/help')).reply({ timeoutMs: 15_000 });
    expect(texts(help)).toContain('/mybookings');
    await (await u.command('/fund')).reply({ timeoutMs: 5000 });
    // without the test harness's "update handled" signal a reply is its first call: wait for the picture itself
    const photo = api.waitForCall((c) => c.method === 'sendPhoto' && c.chatId === u.id, { timeoutMs: 30_000 });
    await u.click('fd:c');
    expect((await photo).ok, bot.output()).toBe(true);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it('reads and writes a spreadsheet on its xlsx thread and queries SQLite on its read thread, both started from dist', () => {
    const out = runBuilt(`
      import Database from 'better-sqlite3';
      import { readTable, writeXlsx } from './src/core/sheets.js';
      import { ReadOffload } from './src/db/offload.js';
      const table = await readTable(await writeXlsx([{ name: '名单', header: ['姓名', '楼栋'], rows: [['王芳', '3']] }]));
      const db = new Database(${JSON.stringify(join(dir, 'reads.db'))});
      db.exec('create table t (a text); insert into t values (\\'邻里\\')');
      const reads = new ReadOffload(${JSON.stringify(join(dir, 'reads.db'))}, db);
      const rows = await reads.query('select a from t');
      await reads.close();
      console.log(JSON.stringify({ table, rows }));
    `);
    expect(JSON.parse(out)).toEqual({
      table: [
        ['姓名', '楼栋'],
        ['王芳', '3'],
      ],
      rows: [{ a: '邻里' }],
    });
  });

  it('a build that fails leaves the previous build whole; the next good one replaces it, leaving nothing beside it', () => {
    const out = join(dir, 'rebuilt');
    const build = (...what: string[]) =>
      execFileSync(process.execPath, ['scripts/build.mjs', `--outdir=${out}`, ...what], { cwd: root, stdio: 'pipe' });
    build('migrations');
    const migrations = readdirSync(join(out, 'migrations'));
    expect(migrations).toContain('0001_foundation.js');
    // a deploy's build that stops part-way (here a folder that does not exist): the bot still has what it ran
    expect(() => build('migrations', 'no-such-folder')).toThrow();
    expect(readdirSync(join(out, 'migrations'))).toEqual(migrations);
    build('src/i18n');
    expect(existsSync(join(out, 'migrations')), 'a file gone from the sources is gone from the build').toBe(false);
    expect(existsSync(join(out, 'src', 'i18n', 'index.js'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('rebuilt.'))).toEqual([]);
  });
});
