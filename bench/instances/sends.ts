// What the instances benchmark counts at the fake Bot API, and the context its phases share.
import { loadavg } from 'node:os';
import type { FakeBotApi } from '../../src/playground/fake-api';
import type { RecordedCall } from '../../src/playground/fake-api/types';
import type { Balancer } from '../balancer';
import type { Row } from '../report';

export interface Phase {
  api: FakeBotApi;
  lb: Balancer;
  /** A new empty PostgreSQL database on the throwaway cluster. */
  freshPg(): Promise<string>;
  /** A chat id no phase has used yet. */
  nextChat(): number;
  rows: Row[];
  extra: Record<string, unknown>;
}

export const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

/** The one-minute load average, printed with every figure: the machine is shared. */
export const load = () => Math.round(loadavg()[0]! * 10) / 10;

/**
 * Every successful sendMessage as the fake Bot API answered it, and the chats reached so far (kept as they come:
 * counting them from the sends every 20 ms took a core of its own at 100,000 recipients). `only`: the chats a phase
 * counts (not a late reply to an earlier phase's update).
 */
export function recordSends(
  api: FakeBotApi,
  only: (chatId: number) => boolean = () => true,
): {
  sends: { at: number; chatId: number; text: string }[];
  reached: Set<number>;
  stop: () => void;
} {
  const sends: { at: number; chatId: number; text: string }[] = [];
  const reached = new Set<number>();
  const on = (c: RecordedCall) => {
    if (c.method === 'sendMessage' && c.ok && c.chatId !== null && only(c.chatId)) {
      sends.push({ at: c.at, chatId: c.chatId, text: String(c.payload.text ?? '') });
      reached.add(c.chatId);
    }
  };
  api.on('call', on);
  return { sends, reached, stop: () => api.off('call', on) };
}

export const perChat = (sends: { chatId: number }[]) => {
  const m = new Map<number, number>();
  for (const s of sends) m.set(s.chatId, (m.get(s.chatId) ?? 0) + 1);
  return m;
};
