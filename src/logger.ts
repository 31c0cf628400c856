import { type Logger, pino } from 'pino';

export type { Logger };

/** The token appears in Bot API URLs; redact it from anything logged. */
export function createLogger(level: string, token?: string): Logger {
  const hooks = token
    ? {
        logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? a.split(token).join('<token>') : a)),
          );
        },
      }
    : undefined;
  return pino({
    level,
    ...(hooks ? { hooks } : {}),
    serializers: {
      err: (e: unknown) => {
        const s = pino.stdSerializers.err(e as Error);
        if (token && s)
          for (const k of ['message', 'stack'] as const)
            if (typeof s[k] === 'string') s[k] = s[k].split(token).join('<token>');
        return s;
      },
    },
  });
}
