import { type Agent, type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { ApiClientOptions } from 'grammy';

type Signal = {
  aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

/** What grammY hands its `fetch`: the Bot API method's URL, a JSON or multipart body, its timeout's abort signal. */
interface Init {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: Signal;
  agent?: Agent;
}

/** The part of a fetch Response grammY reads (`json()`), with the status for anyone who looks. */
class Answer {
  constructor(
    readonly status: number,
    private readonly body: string,
  ) {}
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
  async text(): Promise<string> {
    return this.body;
  }
}

const abortError = () => Object.assign(new Error('The request was aborted'), { name: 'AbortError' });

/**
 * grammY's `fetch` over plain keep-alive node:http. Its default (node-fetch 2) builds a Request, Headers, a parsed URL,
 * an AbortController's event target and a body stream around every call: on a booking step grammY's client cost
 * about 81 us of CPU per reply with it and 54 us with this (bench -- updates, CPU profile), on every path, as every
 * reply is a call. The contract grammY relies on is kept: a network failure or an abort rejects (grammY makes it an
 * HttpError); any HTTP answer resolves, its body read by `json()`, so Telegram's refusals still become GrammyErrors.
 * No closure here is bound to a name: tsx names each such closure with a defineProperty call every time it is made.
 */
export function keepAliveFetch(): NonNullable<ApiClientOptions['fetch']> {
  const fetch = (url: string, init: Init = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const signal = init.signal;
      const body = init.body;
      if (signal?.aborted) {
        if (typeof body === 'object') body.destroy();
        return reject(abortError());
      }
      const call: { req?: ClientRequest; onAbort: () => void; settle: () => void } = { onAbort() {}, settle() {} };
      if (signal) {
        call.onAbort = () => {
          call.req?.destroy();
          // As node-fetch did: an upload cut short lets go of what it was reading (a file's descriptor, a buffer).
          if (typeof body === 'object') body.destroy();
          reject(abortError());
        };
        call.settle = () => signal.removeEventListener('abort', call.onAbort);
        signal.addEventListener('abort', call.onAbort);
      }
      const request = url.startsWith('https:') ? httpsRequest : httpRequest;
      const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: init.agent }, (res) =>
        read(res, call, resolve, reject),
      );
      call.req = req;
      req.on('error', (e) => {
        call.settle();
        if (typeof body === 'object') body.destroy();
        reject(e);
      });
      if (body === undefined || typeof body === 'string') req.end(body);
      else body.pipe(req);
    });
  return fetch as unknown as NonNullable<ApiClientOptions['fetch']>;
}

/** Reads the whole answer; a connection dropped part-way through it is a network failure, like one before it. */
function read(
  res: IncomingMessage,
  call: { settle: () => void },
  resolve: (a: Answer) => void,
  reject: (e: Error) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('error', (e) => {
    call.settle();
    reject(e);
  });
  res.on('close', () => {
    if (res.complete) return;
    call.settle();
    reject(new Error('the connection closed before the answer was complete'));
  });
  res.on('end', () => {
    call.settle();
    resolve(new Answer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
  });
}
