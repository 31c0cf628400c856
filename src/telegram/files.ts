import { type Agent, get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { Api } from 'grammy';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { Config } from '../config';

/** Uploads staff send (a roster, a ledger) are small; anything bigger is not a spreadsheet of this service. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export class FileTooBig extends Error {}

/**
 * The bytes of a file someone sent, from the Bot API's file endpoint (through the same proxy as every other call).
 * Refuses, before downloading, anything Telegram says is bigger than `maxBytes`.
 */
export async function downloadFile(api: Api, config: Config, fileId: string, maxBytes = MAX_UPLOAD_BYTES) {
  const f = await api.getFile(fileId);
  if ((f.file_size ?? 0) > maxBytes) throw new FileTooBig();
  if (!f.file_path) throw new Error('Telegram gave no path for the file');
  const url = new URL(`${config.TELEGRAM_API_ROOT}/file/bot${config.BOT_TOKEN}/${f.file_path}`);
  const agent = config.TELEGRAM_PROXY ? (new HttpsProxyAgent(config.TELEGRAM_PROXY) as unknown as Agent) : undefined;
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise<Buffer>((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`file download answered HTTP ${res.statusCode}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy();
          reject(new FileTooBig());
        } else chunks.push(c);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', (e) => reject(new Error(e.message.split(config.BOT_TOKEN ?? '\u0000').join('<token>'))));
  });
}
