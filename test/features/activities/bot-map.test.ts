import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ActivitiesService } from '../../../src/features/activities';
import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import { button, plainTexts, say, seen, tap } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at } from './support';

// An activity's place on the map (issue 17): staff send a venue or a pin at the place step, or a compound lends its
// own point; residents opening the activity get the card and then the place on the map. Bad points are refused.
const STAFF = 6701;
const WANG = 6702;
const HOME = { latitude: 27.8597, longitude: 113.1561 };

let tb: TestBot;
let activities: ActivitiesService;
let compoundName: string;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  activities = tb.services.activities;
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  const [home] = await tb.services.residents.compounds();
  await tb.services.residents.setCompoundLocation(STAFF, home!.id, HOME);
  compoundName = home!.nameZh;
});
afterAll(() => tb.stop());

const staff = () => tb.user(STAFF, { first_name: '小张' });
const wang = () => tb.user(WANG, { first_name: '王阿姨' });

/** Staff begin a one-off lecture on Saturday, 09:00–10:00, up to the "where?" question. */
async function upToPlace(u: FakeUser, title: string): Promise<RecordedCall[]> {
  let out = await say(u, '🧰 工作台');
  out = await tap(u, button(out, '社区活动'));
  out = await tap(u, button(out, '新建活动'));
  out = await tap(u, button(out, '讲座'));
  out = await tap(u, button(out, '社区自己办'));
  out = await say(u, title);
  out = await tap(u, button(out, '跳过'));
  out = await say(u, '2026-12-05');
  out = await say(u, '9:00-10:00');
  return tap(u, button(out, '只办一次'));
}

/** The rest: everyone, 30 places, nothing to bring, saved and published. */
async function finish(u: FakeUser, out: RecordedCall[]): Promise<RecordedCall[]> {
  out = await tap(u, button(out, '所有居民'));
  out = await say(u, '30');
  out = await tap(u, button(out, '跳过'));
  return out;
}

/** What a resident gets when opening the activity from 📅 近期活动. */
async function opened(title: string) {
  const out = await say(wang(), '📅 近期活动');
  return tap(wang(), button(out, title));
}

const published = async (title: string) =>
  (await activities.manageList({ id: STAFF, staff: true })).find((a) => a.titleZh === title)!;

describe('the place on the map', () => {
  it('a venue sent at the place step is the place; a resident opening the activity gets the card, then the venue', async () => {
    let out = await upToPlace(staff(), '公园里的健康讲座');
    expect(plainTexts(out)).toContain('也可以直接发送位置');
    out = await (await staff().venue(27.8409, 113.1798, '月塘公园', '荷塘区月塘路 1 号')).reply();
    expect(plainTexts(out)).toContain('面向谁');
    out = await finish(staff(), out);
    expect(plainTexts(out)).toContain('📍 月塘公园 🗺');
    await tap(staff(), button(out, '保存并发布'));
    expect(await published('公园里的健康讲座')).toMatchObject({
      placeZh: '月塘公园',
      placeAddress: '荷塘区月塘路 1 号',
      latitude: 27.8409,
      longitude: 113.1798,
    });

    out = await opened('公园里的健康讲座');
    const card = out.findIndex((c) => c.method === 'sendMessage' && String(c.payload.text).includes('月塘公园'));
    const venue = out.findIndex((c) => c.method === 'sendVenue');
    expect(card).toBeGreaterThanOrEqual(0);
    expect(venue).toBeGreaterThan(card);
    expect(out[venue]!.payload).toMatchObject({ title: '月塘公园', address: '荷塘区月塘路 1 号', latitude: 27.8409 });
    expect(tb.api.messages(WANG).at(-1)?.venue?.title).toBe('月塘公园');
  });

  it('a compound with a point of its own lends it to the activity held there', async () => {
    let out = await upToPlace(staff(), '小区消防知识讲座');
    out = await tap(staff(), button(out, compoundName));
    out = await finish(staff(), out);
    await tap(staff(), button(out, '保存并发布'));
    expect(await published('小区消防知识讲座')).toMatchObject({ compoundId: expect.any(Number), ...HOME });

    out = await opened('小区消防知识讲座');
    const map = out.find((c) => c.method === 'sendVenue' || c.method === 'sendLocation');
    expect(map?.payload).toMatchObject(HOME);
  });

  it('a bare pin asks for the place’s name; a pin far away or at another question gets a polite reply', async () => {
    let out = await upToPlace(staff(), '小游园义诊');
    out = await (await staff().location(39.9042, 116.4074)).reply();
    expect(plainTexts(out)).toContain('这个位置离本街道太远了（超过 50 公里）');
    out = await (await staff().location(27.861, 113.158)).reply();
    expect(plainTexts(out)).toContain('位置已记下。这个地点叫什么');
    const audience = await say(staff(), '荷塘小游园');
    expect(plainTexts(audience)).toContain('面向谁');
    out = await (await staff().location(27.861, 113.158)).reply();
    expect(plainTexts(out)).toContain('位置只在「在哪里办」这一步用');
    out = await finish(staff(), audience);
    expect(plainTexts(out)).toContain('📍 荷塘小游园 🗺');
    await tap(staff(), button(out, '保存并发布'));
    expect(await published('小游园义诊')).toMatchObject({ placeAddress: null, latitude: 27.861, longitude: 113.158 });

    out = await opened('小游园义诊');
    expect(out.find((c) => c.method === 'sendLocation')?.payload).toMatchObject({ latitude: 27.861 });
    expect(out.some((c) => c.method === 'sendVenue')).toBe(false);
  });

  it('staff move an activity to a venue from its panel: the new place and pin reach the resident signed up', async () => {
    const a = await published('小游园义诊');
    await activities.signUp(WANG, a.id);
    let out = await tap(staff(), `ac:m:${a.id}`);
    out = await tap(staff(), button(out, '改地点'));
    expect(plainTexts(out)).toContain('也可以发送位置');
    out = await (await staff().location(-33.86, 151.21)).reply();
    expect(plainTexts(out)).toContain('这个位置离本街道太远了');
    out = await (await staff().venue(27.85, 113.17, '社区卫生服务站', '荷塘区月塘路 9 号')).reply();
    expect(plainTexts(out)).toContain('已报名和排队的 1 人已收到通知');
    expect(await activities.activity(a.id)).toMatchObject({
      placeZh: '社区卫生服务站',
      placeAddress: '荷塘区月塘路 9 号',
      latitude: 27.85,
      longitude: 113.17,
    });
    await tb.delivered();
    const told = seen(tb, WANG).filter((m) => (m.text ?? '').includes('社区卫生服务站'));
    expect(told.length).toBeGreaterThan(0);
    out = await opened('小游园义诊');
    expect(out.find((c) => c.method === 'sendVenue')?.payload).toMatchObject({ title: '社区卫生服务站' });
  });
});
