import { describe, expect, it } from 'vitest';
import { ChatPacer, RatePacer } from '../../src/telegram/delivery/pacer';
import { splitText } from '../../src/telegram/text';

describe('pacing to Telegram limits', () => {
  it('the overall rate never exceeds the configured messages per second', () => {
    const p = new RatePacer(30, 0);
    let sent = 0;
    for (let t = 0; t <= 10_000; t++) while (p.take(t) >= 0) sent++;
    // 10 s at 30/s; the sliding window keeps a 3 % margin so a per-second counter never sees one too many
    expect(sent).toBeGreaterThanOrEqual(285);
    expect(sent).toBeLessThanOrEqual(301);
    let inWindow = 0;
    const q = new RatePacer(30, 0);
    for (let t = 0; t < 1000; t++) while (q.take(t) >= 0) inWindow++;
    expect(inWindow).toBeLessThanOrEqual(30);
  });

  it('a send written late (a busy event loop) counts from when it really left', () => {
    const p = new RatePacer(3, 0);
    p.written(p.take(0), 100);
    expect(p.take(350)).toBeGreaterThanOrEqual(0);
    expect(p.take(700)).toBeGreaterThanOrEqual(0);
    // counted from 0 the window would allow a fourth send at 1100; counted from 100 it must wait
    expect(p.take(1100)).toBe(-1);
    expect(p.take(1135)).toBeGreaterThanOrEqual(0);
  });

  it('a 429 pauses everything until retry_after has passed', () => {
    const p = new RatePacer(1000, 0);
    p.pause(5000);
    expect(p.take(4999)).toBe(-1);
    expect(p.waitMs(1000)).toBe(4000);
    // and it starts again gently: nothing was saved up during the pause
    expect(p.take(5002)).toBeGreaterThanOrEqual(0);
    expect(p.take(5002)).toBe(-1);
  });

  it('one private chat gets at most one message a second', () => {
    const c = new ChatPacer();
    c.note(42, 0);
    expect(c.readyAt(42, 10)).toBe(1000);
    expect(c.readyAt(43, 10)).toBe(0);
  });

  it('a group gets at most 20 messages a minute', () => {
    const c = new ChatPacer();
    for (let i = 0; i < 20; i++) c.note(-100, i * 3000);
    expect(c.readyAt(-100, 57_001)).toBe(60_000);
    expect(c.readyAt(-100, 60_001)).toBeLessThanOrEqual(60_001);
  });
});

describe('long texts', () => {
  it('are split under 4096 characters at line breaks', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `第${i}行：${'字'.repeat(30)}`);
    const parts = splitText(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });
});
