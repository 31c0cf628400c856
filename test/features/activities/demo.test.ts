import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { periodOf } from '../../../src/features/activities/live';
import { plainTexts, say } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at } from './support';

// The playground's calendar, and the live answers to "what is on".
const NEWCOMER = 6601;
let tb: TestBot;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')), seedDemo: true });
  await tb.resident(NEWCOMER, { first_name: '新来的' });
});
afterAll(() => tb.stop());

describe('the demo calendar', () => {
  it('a newcomer sees next week’s legal lecture, the weekend class series and the fire drill at once', async () => {
    const out = await say(tb.user(NEWCOMER, { first_name: '新来的' }), '📅 近期活动');
    const text = plainTexts(out);
    expect(text).toContain('公益法律讲座：遗产与赡养');
    expect(text).toContain('周末课堂：少儿美术');
    expect(text).toContain('（系列，还有 10 次）');
    expect(text).toContain('消防疏散演练');
    // Loading the demo again adds nothing.
    const demo = tb.app.features.find((f) => f.name === 'activities')!.demo!;
    expect(await demo()).toContain('already');
  });

  it('the live answers cover this week, the weekend, tomorrow and the children’s classes', () => {
    // Monday 2026-11-30
    expect(periodOf('这周有什么活动', '2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodOf('周末孩子有什么课', '2026-11-30')).toEqual({ from: '2026-12-05', to: '2026-12-06' });
    expect(periodOf('明天', '2026-11-30')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(periodOf('周末', '2026-12-06')).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    const answers = tb.app.features.find((f) => f.name === 'activities')!.liveAnswers!;
    const first = (q: string) => answers.find((a) => a.matches(q))?.key;
    expect(first('周末孩子有什么课')).toBe('activities.weekend.children');
    expect(first('这周有什么活动')).toBe('activities.week');
    expect(first('怎么办低保')).toBeUndefined();
  });
});
