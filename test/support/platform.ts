import { pino } from 'pino';
import { type Config, createConfig } from '../../src/config';
import { type Clock, ManualClock } from '../../src/core/clock';
import type { Db } from '../../src/db/schema';
import { createPlatform, type Platform } from '../../src/platform';
import type { TelegramPort } from '../../src/telegram/port';

/** What a service asked of Telegram, for service tests (the bot tests use the real port). */
export interface RecordingTelegram extends TelegramPort {
  sent: { chatId: number; html: string }[];
  published: number[];
  forgotten: number[];
  /** Files Telegram would give by file id (a petition's photos). */
  files: Map<string, Buffer>;
}

export function recordingTelegram(): RecordingTelegram {
  const t: RecordingTelegram = {
    sent: [],
    published: [],
    forgotten: [],
    files: new Map(),
    botUsername: () => 'linli_test_bot',
    publishCommandsFor: async (id) => {
      t.published.push(id);
    },
    sendText: async (chatId, html) => {
      t.sent.push({ chatId, html });
      return t.sent.length;
    },
    editText: async () => {},
    fileBytes: async (fileId) => {
      const bytes = t.files.get(fileId);
      if (!bytes) throw new Error(`no file ${fileId}`);
      return bytes;
    },
    forgetBroadcast: (id) => {
      t.forgotten.push(id);
    },
    replay: () => {},
  };
  return t;
}

/** The platform services are built with, around a test database (usually freshDb()). */
export function testPlatform(
  db: Db,
  opts: { clock?: Clock; env?: Record<string, string>; telegram?: TelegramPort } = {},
): Platform & { clock: Clock; config: Config } {
  const config = createConfig({ LOG_LEVEL: 'silent', ...opts.env });
  return createPlatform({
    db,
    config,
    clock: opts.clock ?? new ManualClock(),
    log: pino({ level: 'silent' }),
    telegram: opts.telegram ?? recordingTelegram(),
  });
}
