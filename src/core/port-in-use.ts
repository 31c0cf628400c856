/**
 * A port the configuration names is already taken: most often a second instance on the same machine started with
 * the first one's CONSOLE_PORT or WEBHOOK_PORT. Node's own EADDRINUSE names neither the variable nor the way out.
 */
export class PortInUse extends Error {
  constructor(
    readonly variable: string,
    host: string,
    port: number,
  ) {
    super(
      `${variable}: ${host}:${port} is already in use (another instance on this machine? give each its own ${variable})`,
    );
  }
}

/** Listening failed: the port being taken becomes PortInUse; anything else is passed on as it came. */
export function portError(err: unknown, variable: string, host: string, port: number): unknown {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' ? new PortInUse(variable, host, port) : err;
}
