import { type Logger, pino } from 'pino';

export type { Logger };

const MAX_DEPTH = 8;

/**
 * A copy of `value` with the secret replaced in every string, however deep: grammY's HttpError carries the request
 * URL (with the bot token in its path) in a nested error's message and stack, and pino's own error serializer only
 * looks at the top level.
 */
export function scrub(value: unknown, secret: string, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return value.includes(secret) ? value.split(secret).join('<token>') : value;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secret, depth + 1, seen));
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.type = value.name;
    out.message = scrub(value.message, secret, depth + 1, seen);
    out.stack = scrub(value.stack, secret, depth + 1, seen);
  }
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, secret, depth + 1, seen);
  if (value instanceof Error && value.cause !== undefined) out.cause = scrub(value.cause, secret, depth + 1, seen);
  return out;
}

/** The token appears in Bot API URLs; it is removed from every log line, message and object alike. */
export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  if (!token) return pino({ level, serializers: { err: pino.stdSerializers.err } }, destination as never);
  return pino(
    {
      level,
      hooks: {
        logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
          method.apply(
            this,
            args.map((a) => scrub(a, token)),
          );
        },
      },
      serializers: { err: (e: unknown) => scrub(e, token) },
      formatters: { log: (obj) => scrub(obj, token) as Record<string, unknown> },
    },
    destination as never,
  );
}
