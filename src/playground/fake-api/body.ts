import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ParsedBody {
  fields: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export class BadBody extends Error {}

/** Form fields arrive as strings; Telegram reads numbers and JSON objects out of them. */
function coerce(v: string): unknown {
  if (/^-?\d{1,16}$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^[[{]/.test(v)) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function parseMultipart(buf: Buffer, boundary: string): ParsedBody {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  const delim = Buffer.from(`--${boundary}`);
  let pos = buf.indexOf(delim);
  if (pos < 0) throw new BadBody('multipart boundary not found');
  for (;;) {
    pos += delim.length;
    if (buf.slice(pos, pos + 2).toString() === '--') break;
    pos += 2; // CRLF
    const headEnd = buf.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) throw new BadBody('malformed multipart part');
    const head = buf.slice(pos, headEnd).toString('utf8');
    const next = buf.indexOf(delim, headEnd);
    if (next < 0) throw new BadBody('unterminated multipart body');
    const content = buf.slice(headEnd + 4, next - 2);
    const name = /(?:^|[;\s:])name="([^"]*)"/i.exec(head)?.[1];
    // grammY writes filename=x.png without quotes; browsers quote it
    const fm = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(head);
    const filename = fm ? (fm[1] ?? fm[2]!.trim()) : undefined;
    if (name !== undefined) {
      if (filename !== undefined)
        files.set(name, {
          filename,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream',
          bytes: Buffer.from(content),
        });
      else fields[name] = coerce(content.toString('utf8'));
    }
    pos = next;
  }
  return { fields, files };
}

export async function readBody(req: IncomingMessage, url: URL): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const buf = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const fields: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) fields[k] = coerce(v);
  if (buf.length === 0) return { fields, files: new Map() };
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(buf.toString('utf8'));
    } catch {
      throw new BadBody('body is not valid JSON');
    }
    if (!parsed || typeof parsed !== 'object') throw new BadBody('JSON body must be an object');
    return { fields: { ...fields, ...(parsed as Record<string, unknown>) }, files: new Map() };
  }
  if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    if (!boundary) throw new BadBody('multipart without boundary');
    const mp = parseMultipart(buf, (boundary[1] ?? boundary[2])!.trim());
    return { fields: { ...fields, ...mp.fields }, files: mp.files };
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(buf.toString('utf8'))) fields[k] = coerce(v);
    return { fields, files: new Map() };
  }
  throw new BadBody(`unsupported content type "${type}"`);
}
