import { existsSync } from 'node:fs';
import { z } from 'zod';

const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const idList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const parts = s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const ids: number[] = [];
    for (const p of parts) {
      if (!/^\d{1,15}$/.test(p)) {
        ctx.addIssue({ code: 'custom', message: `"${p}" is not a Telegram user id (digits only)` });
        return z.NEVER;
      }
      ids.push(Number(p));
    }
    return ids;
  });

const timeOfDay = (dflt: string) =>
  z
    .string()
    .default(dflt)
    .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'must be HH:MM (24-hour)');

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const HH_MM = '([01]\\d|2[0-3]):[0-5]\\d';
const OFFICE_HOURS_FORMAT = new RegExp(`^${DAY}-${DAY} ${HH_MM}-${HH_MM}$`);

const schema = z.object({
  BOT_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .refine(
      (s) => s === undefined || /^\d+:[\w-]{10,}$/.test(s),
      'does not look like a token from @BotFather (digits:letters)',
    ),
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/ })
    .default('https://api.telegram.org')
    .transform((s) => s.replace(/\/+$/, '')),
  DATABASE_PATH: z.string().min(1).default('./data/linli.db'),
  // Set: PostgreSQL (several instances may share it); unset: the SQLite file at DATABASE_PATH.
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .refine((s) => s === undefined || /^postgres(ql)?:\/\/\S+$/.test(s), 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // How updates arrive: long polling (one instance) or Telegram POSTing to WEBHOOK_URL (any number behind a proxy).
  BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
  WEBHOOK_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined))
    .refine(
      (s) => s === undefined || s.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(s),
      'must be https:// (Telegram posts only to https; plain http is for loopback tests)',
    ),
  WEBHOOK_SECRET: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined))
    .refine((s) => s === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(s), 'must be 16–256 letters, digits, _ or -'),
  WEBHOOK_HOST: z.string().default('127.0.0.1'),
  WEBHOOK_PORT: z.coerce.number().int().min(0).max(65_535).default(8443),
  WEBHOOK_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(40),
  ADMIN_IDS: idList,
  TIMEZONE: z.string().default('Asia/Shanghai').refine(validTimeZone, 'is not an IANA time zone such as Asia/Shanghai'),
  DEFAULT_LOCALE: z.enum(locales).default('zh-CN'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TELEGRAM_PROXY: z
    .url({ protocol: /^(https?|socks5?)$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DELIVERY_RATE_PER_SEC: z.coerce.number().positive().max(100_000).default(25),
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
  DELIVERY_RETRY_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  FLOOD_LIMIT: z.coerce.number().int().positive().max(100_000).default(15),
  STAFF_CHAT_ID: z
    .string()
    .optional()
    .transform((s) => (s ? s.trim() : undefined))
    .refine((s) => s === undefined || /^-?\d+$/.test(s), 'must be a chat id such as -1001234567890')
    .transform((s) => (s === undefined ? undefined : Number(s))),
  OFFICE_HOURS: z
    .string()
    .default('Mon-Fri 08:30-17:30')
    .refine((s) => OFFICE_HOURS_FORMAT.test(s), 'must look like "Mon-Fri 08:30-17:30"'),
  HANDOFF_REMIND_HOURS: z.coerce.number().positive().max(240).default(4),
  MARKET_REMIND_EVENING: timeOfDay('18:00'),
  MARKET_REMIND_MORNING: timeOfDay('08:00'),
  RELIEF_ANNOUNCE_DAYS_BEFORE: z.coerce.number().int().min(0).max(27).default(3),
  RELIEF_ANNOUNCE_TIME: timeOfDay('09:00'),
  RELIEF_MORNING_TIME: timeOfDay('08:00'),
  RELIEF_AFTERNOON_TIME: timeOfDay('15:00'),
  RELIEF_EVENING_TIME: timeOfDay('19:00'),
  RELIEF_SUMMARY_TIME: timeOfDay('08:30'),
  PETITION_ACK_DAYS: z.coerce.number().int().positive().max(60).default(3),
  PETITION_ANSWER_DAYS: z.coerce.number().int().positive().max(365).default(15),
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  PLAYGROUND_HOST: z.string().default('127.0.0.1'),
  PLAYGROUND_PUBLIC: z
    .enum(['', '0', '1'])
    .default('')
    .transform((s) => s === '1'),
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65_535).default(8081),
  CONSOLE_HOST: z.string().trim().min(1).default('127.0.0.1'),
  // Telegram opens Mini Apps only over HTTPS: the address staff reach the console at, behind a reverse proxy. The
  // console's pages link from the root, so it is a host of its own (no path).
  CONSOLE_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s.replace(/\/+$/, '') : undefined))
    .refine(
      (s) => s === undefined || (URL.canParse(s) && new URL(s).protocol === 'https:' && new URL(s).origin === s),
      'must be an https:// address of its own host, such as https://console.example.org (Telegram opens Mini Apps ' +
        'only over HTTPS)',
    ),
});

const checked = schema.superRefine((c, ctx) => {
  if (c.BOT_MODE !== 'webhook') return;
  if (!c.WEBHOOK_URL)
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'is required when BOT_MODE=webhook' });
  if (!c.WEBHOOK_SECRET)
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when BOT_MODE=webhook' });
});

export type Config = Readonly<z.output<typeof schema>>;

export class ConfigError extends Error {}

/** Pure: turns an environment into a validated config or throws ConfigError with one line per bad variable. */
export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = checked.safeParse(env);
  if (parsed.success) return Object.freeze(parsed.data);
  const lines = parsed.error.issues.map((i) => {
    const name = String(i.path[0] ?? 'config');
    const msg =
      i.code === 'invalid_value' && 'values' in i ? `must be one of ${(i.values as unknown[]).join(', ')}` : i.message;
    return `${name}: ${msg}`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** Reads `.env` (if present) into process.env without overriding what the shell already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
