// Instances of the real app as child processes behind the benchmark's load balancer, on one database.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FakeBotApi } from '../../src/playground/fake-api';
import type { Balancer } from '../balancer';

export const SECRET = 'bench-webhook-secret-0123456789';

export interface Instance {
  child: ChildProcess;
  port: number;
  /** Its id among the live instances (outbox claims carry it); null on SQLite. */
  id: number | null;
  /** Log messages (`msg`) with the time each was read. */
  logs: { at: number; msg: string }[];
  exited: Promise<void>;
}

export interface FleetOptions {
  api: FakeBotApi;
  lb: Balancer;
  /** DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite). */
  db: { DATABASE_URL: string } | { DATABASE_PATH: string };
  env?: Record<string, string>;
}

function startOne(o: FleetOptions): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'instance-child.ts')], {
    env: {
      ...process.env,
      ...o.db,
      BOT_TOKEN: o.api.token,
      TELEGRAM_API_ROOT: o.api.apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: o.lb.url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PORT: '0',
      CONSOLE_PORT: '0',
      // The benchmark's users write faster than any person.
      FLOOD_LIMIT: '100000',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const logs: Instance['logs'] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`an instance exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const j = JSON.parse(line) as { ready?: number; instance?: number | null; msg?: string };
        if (j.ready !== undefined) resolve({ child, port: j.ready, id: j.instance ?? null, logs, exited });
        else if (j.msg) logs.push({ at: Date.now(), msg: j.msg });
      } catch {
        // not ours: a stray line
      }
    });
  });
}

/** Starts `n` instances one after another (each migrates and calls setWebhook) and puts them behind the balancer. */
export async function startFleet(n: number, o: FleetOptions): Promise<Instance[]> {
  const out: Instance[] = [];
  for (let i = 0; i < n; i++) out.push(await startOne(o));
  o.lb.setUpstreams(out.map((i) => i.port));
  return out;
}

/** SIGTERM to the living ones, and wait for each to exit. */
export async function stopFleet(fleet: Instance[]): Promise<void> {
  for (const i of fleet) if (i.child.exitCode === null && !i.child.killed) i.child.kill('SIGTERM');
  await Promise.all(fleet.map((i) => i.exited));
}

/** A private text from a user the bot has not seen (`entities` marks a command). */
function textFrom(
  api: FakeBotApi,
  chatId: number,
  text: string,
  entities?: { type: 'bot_command'; offset: number; length: number }[],
): number {
  return api.addUpdate({
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'x' },
      from: { id: chatId, is_bot: false, first_name: `U${chatId}`, language_code: 'zh-hans' },
      text,
      ...(entities ? { entities } : {}),
    },
  });
}

/** A private message from a user the bot has not seen: one update, answered by one message. */
export function helpFrom(api: FakeBotApi, chatId: number): number {
  return textFrom(api, chatId, '/help', [{ type: 'bot_command', offset: 0, length: 5 }]);
}

/** Resolves when `done()` holds, checking every 20 ms; throws after `timeoutMs`. */
export async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A question typed by a user the bot has not seen: one update that logs one FAQ question (its effect). */
export function questionFrom(api: FakeBotApi, chatId: number): number {
  return textFrom(api, chatId, `${chatId % 97}号楼门口的路灯坏了，找谁修？`);
}
