// The scale benchmark's database: 50,000 residents and five years of history in every area, built through the real
// migrations (and each area's own demo data, as a deployment starts), then filled with plain SQL in one transaction
// per table. Deterministic: the same generator version always builds the same database.
//
//   node --import tsx bench/scale/generate.ts <file>     builds <file> (the benchmark caches it under bench/.cache)
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { createApp } from '../../src/app';
import { createConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import { areas } from './gen';
import { inserter } from './gen/sql';
import { EN_FIRST, EN_LAST, GIVEN, MORE_PLACES, SURNAMES } from './texts';
import {
  ANCHOR,
  ANCHOR_MS,
  type Ctx,
  DAY_MS,
  hasStaleFlow,
  IDS,
  iso,
  type Person,
  type PersonalDelivery,
  type Place,
  rng,
  SIZE,
  START_MS,
} from './world';

/** Bump when the generated data changes shape: the cached database is keyed by it (and by the migrations). */
export const GENERATOR_VERSION = 2;

const ROOT = join(import.meta.dirname, '..', '..');

/** The cache file name: the generator's version and a hash of every migration, so a new migration rebuilds. */
export function cacheKey(): string {
  const dir = join(ROOT, 'migrations');
  const h = createHash('sha1').update(`g${GENERATOR_VERSION}`);
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return `scale-g${GENERATOR_VERSION}-${h.digest('hex').slice(0, 10)}`;
}

function people(ctx: Omit<Ctx, 'residents' | 'created' | 'byCommunity' | 'residentBefore'>) {
  const { db, r } = ctx;
  const insert = inserter(db, 'users');
  const weights = ctx.compounds.map(() => 0.5 + r.next());
  const created = Array.from({ length: SIZE.residents }, () => r.ramp()).sort((a, b) => a - b);
  const residents: Person[] = [];
  const add = (id: number, createdMs: number, opts: { onboarded?: number; en?: boolean } = {}) => {
    const en = opts.en ?? r.chance(0.06);
    const name = en ? r.pick(EN_FIRST) : r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
    const onboarded = r.chance(opts.onboarded ?? 0.96);
    const compound = onboarded ? ctx.compounds[r.weighted(weights)]! : null;
    const seen = ANCHOR_MS - Math.floor((ANCHOR_MS - createdMs) * r.next() ** 3);
    const p: Person = {
      id,
      created: createdMs,
      communityId: compound?.communityId ?? null,
      compoundId: compound?.id ?? null,
      onboarded,
      reachable: !r.chance(0.015),
      optOut: r.chance(0.015),
      name,
    };
    insert({
      id,
      first_name: name,
      last_name: en ? r.pick(EN_LAST) : null,
      username: r.chance(0.3) ? `u${id}` : null,
      tg_language: en ? 'en' : r.chance(0.9) ? 'zh-hans' : null,
      language: r.chance(0.85) ? null : en ? 'en' : 'zh-CN',
      phone: r.chance(0.6) ? `1${r.pick(['38', '39', '58', '77', '86'])}${r.digits(8)}` : null,
      community_id: p.communityId,
      compound_id: p.compoundId,
      onboarded: onboarded ? 1 : 0,
      notices_opt_out: p.optOut ? 1 : 0,
      reachable: p.reachable ? 1 : 0,
      created_at: iso(createdMs),
      seen_at: iso(seen),
    });
    return p;
  };
  db.transaction(() => {
    for (let i = 0; i < SIZE.residents; i++) residents.push(add(IDS.resident(i), created[i]!));
    const early = () => START_MS + r.int(0, 30) * DAY_MS;
    for (let i = 0; i < SIZE.staff; i++) add(IDS.staff(i), early(), { onboarded: 1, en: false });
    for (let i = 0; i < SIZE.deputies; i++) add(IDS.deputy(i), early(), { onboarded: 1, en: false });
    for (let i = 0; i < SIZE.admins; i++) add(IDS.admin(i), early(), { onboarded: 1, en: false });
  })();

  const grant = inserter(db, 'roles');
  const role = (userId: number, role: string, by: number | null, ms: number) =>
    grant({ user_id: userId, role, granted_by: by, granted_at: iso(ms) });
  db.transaction(() => {
    const admin = IDS.admin(0);
    for (const id of ctx.admins) role(id, 'admin', null, START_MS);
    for (const id of ctx.staff) role(id, 'staff', admin, START_MS + DAY_MS);
    for (const id of ctx.deputies) role(id, 'deputy', admin, START_MS + DAY_MS);
    for (const id of [...ctx.admins, ...ctx.staff, ...ctx.deputies])
      ctx.audit(START_MS + DAY_MS, admin, 'role.grant', `user:${id}`, {});
    const partners = new Set<number>();
    while (partners.size < SIZE.partnersWithRole) partners.add(r.int(0, SIZE.residents - 1));
    for (const i of partners) {
      const p = residents[i]!;
      const at = p.created + DAY_MS;
      role(p.id, 'partner', admin, at);
      ctx.audit(at, admin, 'role.grant', `user:${p.id}`, { role: 'partner' });
    }
  })();
  return { residents, created };
}

function places(db: Database.Database): Place[] {
  const community = inserter(db, 'communities');
  const compound = inserter(db, 'compounds');
  db.transaction(() => {
    for (const [zh, en, list] of MORE_PLACES) {
      const id = community({ subdistrict: '月塘街道', name_zh: zh, name_en: en });
      for (const [i, [czh, cen]] of list.entries())
        compound({ community_id: id, name_zh: czh, name_en: cen, rotation_order: i + 1 });
    }
  })();
  return (
    db.prepare('select id, community_id, name_zh from compounds order by id').all() as {
      id: number;
      community_id: number;
      name_zh: string;
    }[]
  ).map((c) => ({ id: c.id, communityId: c.community_id, nameZh: c.name_zh }));
}

/** The deployment as `seed demo` leaves it, with the clock at ANCHOR: catalogue, roster, FAQ, departments, partners. */
async function seedDemo(path: string): Promise<void> {
  const config = createConfig({ BOT_TOKEN: '123456:TEST-TOKEN-linli-fake', DATABASE_PATH: path, LOG_LEVEL: 'silent' });
  const app = await createApp(config, { clock: new ManualClock(ANCHOR), log: pino({ level: 'silent' }), cron: false });
  for (const f of app.features) if (f.demo) await f.demo();
  await app.dbh.close();
}

export interface BuildFacts {
  key: string;
  anchor: string;
  seconds: number;
  bytes: number;
  rows: Record<string, number>;
}

/** Builds the database at `path` (via a temporary file, so a killed build never leaves a half file behind). */
export async function build(path: string, log: (s: string) => void = () => {}): Promise<BuildFacts> {
  const t0 = performance.now();
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  await seedDemo(tmp);
  log(`  migrations and demo data: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const db = new Database(tmp);
  // The rollback journal in memory (better-sqlite3's defensive mode refuses OFF): a failed build is thrown away.
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = OFF');
  const r = rng(20260305);

  const auditRows: [number, number | null, string, string | null, string][] = [];
  const deliveries: PersonalDelivery[] = [];
  const windowStart = ANCHOR_MS - SIZE.outboxDays * DAY_MS;
  const compounds = places(db);
  const communities = [...new Set(compounds.map((c) => c.communityId))];
  const staff = Array.from({ length: SIZE.staff }, (_, i) => IDS.staff(i));
  const deputies = Array.from({ length: SIZE.deputies }, (_, i) => IDS.deputy(i));
  const admins = Array.from({ length: SIZE.admins }, (_, i) => IDS.admin(i));
  const base = {
    db,
    r,
    compounds,
    communities,
    staff,
    deputies,
    admins,
    staffChats: [...staff, ...admins],
    audit: (ms: number, actor: number | null, action: string, subject: string | null, details: object) =>
      void auditRows.push([ms, actor, action, subject, JSON.stringify(details)]),
    deliver: (d: PersonalDelivery) => {
      if (d.ms >= windowStart && d.ms <= ANCHOR_MS) deliveries.push(d);
    },
    inWindow: (ms: number) => ms >= windowStart && ms <= ANCHOR_MS,
  };
  const { residents, created } = people(base);
  const byCommunity = new Map<number, Person[]>();
  for (const p of residents)
    if (p.communityId !== null) byCommunity.get(p.communityId)?.push(p) ?? byCommunity.set(p.communityId, [p]);
  const communityCreated = new Map([...byCommunity].map(([c, list]) => [c, list.map((p) => p.created)]));
  /** How many of a list sorted by creation time were created before `ms`. */
  const countBefore = (times: number[], ms: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ctx: Ctx = {
    ...base,
    residents,
    created,
    byCommunity,
    residentBefore(ms, communityId) {
      const list = communityId ? byCommunity.get(communityId) : undefined;
      const times = communityId ? communityCreated.get(communityId) : created;
      const pool = list ?? residents;
      const n = Math.max(1, countBefore(times ?? created, ms));
      for (let tries = 0; ; tries++) {
        const p = pool[r.int(0, n - 1)]!;
        if ((p.onboarded && !hasStaleFlow(p.id - IDS.resident(0))) || tries > 20) return p;
      }
    },
  };
  log(`  people: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  areas(ctx, log, t0);

  // The outbox of the retention window, oldest first; a broadcast's rows were written by areas() already.
  const outbox = inserter(db, 'deliveries', { orIgnore: true });
  deliveries.sort((a, b) => a.ms - b.ms);
  db.transaction(() => {
    for (const d of deliveries) {
      const state = d.state ?? 'sent';
      const at = iso(d.ms);
      outbox({
        dedupe_key: d.key,
        chat_id: d.chatId,
        user_id: d.userId,
        category: d.category,
        content: JSON.stringify(d.content),
        state,
        reason: d.reason ?? null,
        attempts: state === 'queued' ? 0 : 1,
        next_attempt_at: at,
        tg_message_id: state === 'sent' ? r.int(10, 900_000) : null,
        created_at: at,
        updated_at: iso(d.ms + (state === 'queued' ? 0 : r.int(200, 60_000))),
      });
    }
  })();
  auditRows.sort((a, b) => a[0] - b[0]);
  const audit = db.prepare('insert into audit_log (at, actor_id, action, subject, details) values (?,?,?,?,?)');
  db.transaction(() => {
    for (const [ms, actor, action, subject, details] of auditRows) audit.run(iso(ms), actor, action, subject, details);
  })();
  log(`  outbox and audit log: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const rows: Record<string, number> = {};
  for (const { name } of db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[])
    rows[name] = (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
  // As a deployment runs: WAL, and the planner's statistics from the nightly maintenance.
  db.pragma('journal_mode = WAL');
  db.pragma('analysis_limit = 400');
  db.pragma('optimize');
  db.close();
  for (const s of ['-wal', '-shm']) rmSync(`${tmp}${s}`, { force: true });
  renameSync(tmp, path);
  const fd = openSync(path, 'r+');
  fsyncSync(fd); // on disk before the benchmark times anything that fsyncs
  closeSync(fd);
  const facts: BuildFacts = {
    key: cacheKey(),
    anchor: ANCHOR,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    bytes: statSync(path).size,
    rows,
  };
  writeFileSync(`${path}.json`, JSON.stringify(facts, null, 2));
  return facts;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: generate.ts <file>');
    process.exit(2);
  }
  const facts = await build(out, (s) => console.error(s));
  console.log(JSON.stringify(facts));
  process.exit(0);
}
