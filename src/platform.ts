import type { i18n } from 'i18next';
import type { Config } from './config';
import type { Clock } from './core/clock';
import { WriteBatcher } from './db/batch';
import { inPlaceReads, type ReadQueries } from './db/reads';
import type { Db } from './db/schema';
import { createI18n } from './i18n';
import { createIdentity, type Identity } from './identity';
import type { Logger } from './logger';
import { createOutbox, type Outbox } from './outbox/service';
import { createSettings, type Settings } from './settings';
import type { TelegramPort } from './telegram/port';

/**
 * What every area is built with, once, in the composition root: the database, time, configuration, the people
 * (identity), the outbox and a narrow port to Telegram. Areas get it as an argument; nothing looks it up.
 */
export interface Platform {
  db: Db;
  /** Heavy read-only queries (the community report): on a SQLite file, a worker thread's own connection. */
  reads: ReadQueries;
  clock: Clock;
  config: Config;
  log: Logger;
  i18n: i18n;
  identity: Identity;
  outbox: Outbox;
  /** What the deployment set up in the chat (its name, office hours, time limits); configuration until then. */
  settings: Settings;
  /** Group commit for the small writes of every update (flows, logs): durable before the reply, one fsync shared. */
  writes: WriteBatcher;
  telegram: TelegramPort;
}

/** Telegram as the command line sees it: there is no bot to talk through. */
export const offlineTelegram: TelegramPort = {
  botUsername: () => 'linli_bot',
  publishCommandsFor: async () => {},
  sendText: async () => {
    throw new Error('Telegram is not reachable from the command line');
  },
  editText: async () => {},
  fileBytes: async () => {
    throw new Error('Telegram is not reachable from the command line');
  },
  forgetBroadcast: () => {},
  replay: () => {},
};

/** Builds the platform around an open database; the bot supplies its Telegram port (the CLI and tests their own). */
export function createPlatform(parts: {
  db: Db;
  /** The database handle's reads; without one (tests, the command line) they run on `db` itself. */
  reads?: ReadQueries;
  config: Config;
  clock: Clock;
  log: Logger;
  telegram: TelegramPort;
  i18n?: i18n;
}): Platform {
  const writes = new WriteBatcher(parts.db);
  const identity = createIdentity(parts.db, parts.clock, writes);
  const outbox = createOutbox(
    parts.db,
    {
      markUnreachable: async (trx, userId) => {
        await identity.setReachable(userId, false, trx);
      },
    },
    { retryHours: parts.config.DELIVERY_RETRY_HOURS },
  );
  const settings = createSettings(parts.db, parts.clock);
  const i18n = parts.i18n ?? createI18n(parts.config.DEFAULT_LOCALE);
  const reads = parts.reads ?? inPlaceReads(parts.db);
  return { ...parts, reads, i18n, identity, outbox, settings, writes };
}
