import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a free loopback port,
 * started as an unprivileged user (PostgreSQL refuses to run as root), stopped and deleted afterwards.
 * Durability is off (fsync, full page writes): the data is thrown away, and the engine's behaviour is unchanged.
 */
export interface PgCluster {
  /** postgres://… of the cluster's `postgres` database, as the superuser `linli`. */
  adminUrl: string;
  urlOf(database: string): string;
  stop(): void;
}

/** initdb/pg_ctl of Debian's packages (/usr/lib/postgresql/N/bin), else whatever is on PATH. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0) return join(which.stdout.trim(), '..');
  throw new Error('PostgreSQL is not installed (no initdb): .ci/run installs it; locally: apt-get install postgresql');
}

/** As root: run as the `postgres` system user (made by Debian's package) or `nobody`. */
function unprivileged(): { uid: number; gid: number; name: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (r.status === 0) {
      const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
      return { uid: Number(r.stdout.trim()), gid, name };
    }
  }
  throw new Error('running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as');
}

export async function startPgCluster(opts: { maxConnections?: number } = {}): Promise<PgCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'linli-pg-'));
  const data = join(dir, 'data');
  const user = unprivileged();
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    if (user) execFileSync('runuser', ['-u', user.name, '--', full, ...args], { stdio: 'pipe', cwd: dir });
    else execFileSync(full, args, { stdio: 'pipe', cwd: dir });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'linli', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c synchronous_commit=off',
    `-c max_connections=${opts.maxConnections ?? 300}`,
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  const urlOf = (database: string) => `postgres://linli@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    adminUrl: urlOf('postgres'),
    urlOf,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs `statements` on the cluster's admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(adminUrl: string, ...statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}
