import { ConfigError, createConfig, loadDotEnv } from '../config';
import { systemClock } from '../core/clock';
import { openConfigured, openPostgresDatabase } from '../db/client';
import { migrateToLatest } from '../db/migrate';
import { createAreas } from '../features';
import { isRole } from '../identity';
import { createLogger } from '../logger';
import { createPlatform, offlineTelegram } from '../platform';
import { backupDatabase } from './backup';
import { CopyRefused, copyToPostgres } from './copy-to-postgres';
import { storageReport, vacuumReport } from './storage';

const BUILTIN = [
  '  migrate                     apply pending database migrations',
  '  grant <telegram_id> <role>  give a role (staff, deputy, admin, partner)',
  '  revoke <telegram_id> <role> take a role away',
  '  backup <file>               consistent online copy of the database, integrity-checked',
  '  copy-to-postgres <url>      copy this SQLite deployment into an empty PostgreSQL database, every table compared',
  '  seed demo [--force]         load the demo deployment (safe to run again); refused on a database that holds',
  '                              a real deployment (set up in the chat, or places of its own) unless --force',
  '  stats                       users, and the size and growth of every table',
  '  vacuum                      give the space of deleted rows back to the disk (needs free space of the size of',
  '                              the database; run it at a quiet hour: while the bot is writing it changes nothing)',
];

/** The admin command line: the same areas, built with the same services as the bot, minus Telegram. */
async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const config = createConfig(process.env);
  const [cmd, ...rest] = argv;
  const h = openConfigured(config);
  const out = (line: string) => console.log(line);
  const log = createLogger('warn');
  const platform = createPlatform({ db: h.db, config, clock: systemClock, log, telegram: offlineTelegram });
  try {
    // Migrate first: areas warm caches from their tables when they are built.
    const applied = await migrateToLatest(h.db);
    await platform.settings.load();
    const { features, services } = createAreas(platform);
    const verbs = features.flatMap((f) => Object.entries(f.cli ?? {}));
    const usage = () =>
      ['Usage: npm run cli -- <command>', ...BUILTIN, ...verbs.map(([, c]) => `  ${c.usage}`)].join('\n');
    if (!cmd || cmd === 'help' || cmd === '--help') {
      console.log(usage());
      return cmd ? 0 : 2;
    }
    if (cmd === 'migrate') {
      out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    }
    const { identity } = platform;
    if (cmd === 'grant' || cmd === 'revoke') {
      const [id, role] = rest;
      if (!id || !/^\d{1,15}$/.test(id) || !role || !isRole(role)) {
        console.error(`usage: ${cmd} <telegram_id> <staff|deputy|admin|partner>`);
        return 2;
      }
      const grant = cmd === 'grant';
      const changed = grant
        ? await identity.grant(null, Number(id), role)
        : await identity.revoke(null, Number(id), role);
      out(
        changed
          ? `${grant ? 'granted' : 'revoked'} ${role} ${grant ? 'to' : 'from'} ${id}`
          : `nothing to do: ${id} ${grant ? 'already has' : 'does not have'} ${role}`,
      );
      return 0;
    }
    if (cmd === 'backup') {
      if (!rest[0]) {
        console.error('usage: backup <file>');
        return 2;
      }
      const r = await backupDatabase(h, rest[0]);
      out(`backup written to ${rest[0]} (${r.pages} pages, integrity ${r.integrity})`);
      return 0;
    }
    if (cmd === 'copy-to-postgres') {
      if (!rest[0]?.startsWith('postgres')) {
        console.error('usage: copy-to-postgres postgres://user:password@host:5432/database');
        return 2;
      }
      const target = openPostgresDatabase(rest[0], 2);
      try {
        const tables = await copyToPostgres(h, target);
        for (const t of tables)
          out(`  ${t.table.padEnd(40)} ${String(t.rows).padStart(10)}  ${t.same ? 'same' : 'DIFFERENT'}`);
        const bad = tables.filter((t) => !t.same);
        out(
          bad.length
            ? `${bad.length} tables differ: do not switch over`
            : `copied ${tables.length} tables, all the same`,
        );
        return bad.length ? 1 : 0;
      } catch (e) {
        if (e instanceof CopyRefused) {
          console.error(e.message);
          return 2;
        }
        throw e;
      } finally {
        await target.close();
      }
    }
    if (cmd === 'seed' && rest[0] === 'demo') {
      const real = rest.includes('--force') ? null : await services.setup.realData();
      if (real) {
        console.error(`refused: this database holds real data (${real}); seed demo would mix fake residents,`);
        console.error('petitions and ledger entries into it. Use a new database, or add --force if you mean it.');
        return 1;
      }
      for (const f of features) if (f.demo) out(await f.demo());
      return 0;
    }
    if (cmd === 'stats') {
      const c = await identity.counts();
      out(`users: ${c.total}, onboarded: ${c.onboarded}, reachable: ${c.reachable}`);
      for (const line of await storageReport(h, platform.clock.now(), config.TIMEZONE)) out(line);
      return 0;
    }
    if (cmd === 'vacuum') {
      const r = await vacuumReport(h);
      (r.ok ? out : console.error)(r.line);
      return r.ok ? 0 : 1;
    }
    for (const [name, c] of verbs) {
      const words = name.split(' ');
      if (words.every((w, i) => argv[i] === w)) return (await c.run(argv.slice(words.length), out)) ?? 0;
    }
    console.error(`unknown command "${argv.join(' ')}"\n${usage()}`);
    return 2;
  } finally {
    await h.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    const msg = err instanceof Error ? err.message : String(err);
    console.error(err instanceof ConfigError ? `Configuration error — ${msg}` : `error: ${msg}`);
    process.exit(1);
  });
