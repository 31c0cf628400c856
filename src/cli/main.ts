import { ConfigError, createConfig, loadDotEnv } from '../config';
import { systemClock } from '../core/clock';
import { openDatabase } from '../db/client';
import { migrateToLatest } from '../db/migrate';
import { features } from '../features';
import { createLogger } from '../logger';
import type { CliDeps } from '../telegram/feature';
import { backupDatabase } from './backup';
import { grantRole, isRoleName, revokeRole, userCounts } from './roles';

const usage = () =>
  [
    'Usage: npm run cli -- <command>',
    '  migrate                     apply pending database migrations',
    '  grant <telegram_id> <role>  give a role (staff, deputy, admin, partner)',
    '  revoke <telegram_id> <role> take a role away',
    '  backup <file>               consistent online copy of the database, integrity-checked',
    '  seed demo                   load the demo deployment (safe to run again)',
    '  stats                       a short report',
    ...features.flatMap((f) => Object.values(f.cli ?? {}).map((c) => `  ${c.usage}`)),
  ].join('\n');

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const config = createConfig(process.env);
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(usage());
    return cmd ? 0 : 2;
  }
  const h = openDatabase(config.DATABASE_PATH);
  const out = (line: string) => console.log(line);
  const deps: CliDeps = { db: h.db, config, clock: systemClock, log: createLogger('warn'), out };
  try {
    const applied = await migrateToLatest(h.db);
    if (cmd === 'migrate') {
      out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    }
    const now = systemClock.now();
    if (cmd === 'grant' || cmd === 'revoke') {
      const [id, role] = rest;
      if (!id || !/^\d{1,15}$/.test(id) || !role || !isRoleName(role)) {
        console.error(`usage: ${cmd} <telegram_id> <staff|deputy|admin|partner>`);
        return 2;
      }
      const changed =
        cmd === 'grant'
          ? await grantRole(h.db, null, Number(id), role, now)
          : await revokeRole(h.db, null, Number(id), role, now);
      out(
        changed
          ? `${cmd === 'grant' ? 'granted' : 'revoked'} ${role} ${cmd === 'grant' ? 'to' : 'from'} ${id}`
          : `nothing to do: ${id} ${cmd === 'grant' ? 'already has' : 'does not have'} ${role}`,
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
    if (cmd === 'seed' && rest[0] === 'demo') {
      for (const f of features) if (f.seedDemo) out(await f.seedDemo(deps));
      return 0;
    }
    if (cmd === 'stats') {
      const c = await userCounts(h.db);
      out(`users: ${c.total}, onboarded: ${c.onboarded ?? 0}, reachable: ${c.reachable ?? 0}`);
      return 0;
    }
    for (const f of features) {
      for (const [name, c] of Object.entries(f.cli ?? {})) {
        const words = name.split(' ');
        if (words.every((w, i) => argv[i] === w)) {
          return (await c.run(argv.slice(words.length), deps)) ?? 0;
        }
      }
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
    console.error(
      err instanceof ConfigError
        ? `Configuration error — ${err.message}`
        : `error: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  });
