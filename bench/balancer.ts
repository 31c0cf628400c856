// A load balancer for the instances benchmark, as nginx does it (README: "Several instances on PostgreSQL"):
// round robin over the instances; an instance that refuses or drops a request is skipped for two seconds, and the
// request is answered 502 so Telegram (the fake Bot API) sends it again — as `proxy_next_upstream` would move it on.
import { createServer, request, type Server } from 'node:http';

export interface Balancer {
  url: string;
  setUpstreams(ports: number[]): void;
  close(): Promise<void>;
}

export async function startBalancer(path: string): Promise<Balancer> {
  let ports: number[] = [];
  const downUntil = new Map<number, number>();
  let next = 0;
  const pick = () => {
    const now = Date.now();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[(next + i) % ports.length]!;
      if ((downUntil.get(p) ?? 0) <= now) {
        next = (next + i + 1) % ports.length;
        return p;
      }
    }
    return ports[next++ % ports.length];
  };
  const server: Server = createServer((req, res) => {
    const port = pick();
    if (port === undefined) return void res.writeHead(502).end();
    const up = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => {
      downUntil.set(port, Date.now() + 2000);
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(up);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}${path}`,
    setUpstreams: (p) => {
      ports = p;
      downUntil.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
