import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import type { ReliefService } from '../../../src/features/relief/service';
import type { Platform } from '../../../src/platform';
import type { Feature } from '../../../src/telegram/feature';
import { freshDb } from '../../support/db';
import { atTime, bj, linkedRoster, person, reliefDeliveries, reliefOn } from './support';

let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let relief: ReliefService;
let feature: Feature;
let at: ReturnType<typeof atTime>;
beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(bj('2025-05-20T10:00:00'));
  ({ platform, relief, feature } = reliefOn(h.db, clock));
  at = atTime(clock);
});
afterEach(() => h.close());

const setup = () => linkedRoster(relief, platform, clock);
const deliveries = () => reliefDeliveries(platform.outbox);

describe('linking', () => {
  it('a staff link works once; the second person to open it is refused', async () => {
    const { staff, c } = await setup();
    const l = await at('2025-06-01T10:00:00', () => relief.createRecipientLink(staff, c.id));
    await person(platform, 601, 'C');
    await person(platform, 602, 'X');
    await at('2025-06-01T10:05:00', () => relief.redeemLink(601, l.code, null));
    await expect(at('2025-06-01T10:06:00', () => relief.redeemLink(602, l.code, null))).rejects.toMatchObject({
      code: 'relief.linkUsed',
    });
    expect(await relief.representedBy(602)).toEqual([]);
  });

  it('an expired link is refused and changes nothing', async () => {
    const { staff, c } = await setup();
    const l = await at('2025-06-01T10:00:00', () => relief.createRecipientLink(staff, c.id));
    await person(platform, 601, 'C');
    await expect(at('2025-06-16T10:00:00', () => relief.redeemLink(601, l.code, null))).rejects.toMatchObject({
      code: 'relief.linkExpired',
    });
    expect(await relief.representedBy(601)).toEqual([]);
  });

  it('a recipient hears when their proxy opens the link, and cannot open their own proxy link', async () => {
    const { a } = await setup();
    const notices = (await deliveries()).filter((d) => d.content.key === 'relief.notify.proxyLinked');
    expect(notices.map((d) => [d.chatId, d.content.params?.proxy])).toEqual([[501, '李明']]);
    const own = await at('2025-06-01T10:00:00', () => relief.nameProxy(501, a.id, '王五'));
    await expect(at('2025-06-01T10:01:00', () => relief.redeemLink(501, own.code, null))).rejects.toMatchObject({
      code: 'relief.ownProxyLink',
    });
  });

  it('each person sees only themself and those they collect for; a proxy cannot name further proxies', async () => {
    const { a, b } = await setup();
    expect((await relief.representedBy(501)).map((r) => [r.recipient.id, r.as])).toEqual([[a.id, 'self']]);
    expect((await relief.representedBy(503)).map((r) => [r.recipient.id, r.as])).toEqual([[a.id, 'proxy']]);
    expect((await relief.representedBy(502)).map((r) => [r.recipient.id, r.as])).toEqual([[b.id, 'proxy']]);
    expect(await relief.mayAct(501, b.id)).toBeUndefined();
    await expect(at('2025-06-01T10:00:00', () => relief.nameProxy(503, a.id, '外人'))).rejects.toMatchObject({
      code: 'relief.recipientNotFound',
    });
  });

  it('the broadcast audience is the linked recipients and proxies, each once', async () => {
    await setup();
    expect(await feature.audiences!['relief.recipients']!.userIds(new Date())).toEqual([501, 502, 503]);
  });
});

describe('check-in', () => {
  it('by code, then a second check-in the same month is refused with who and when of the first', async () => {
    const { staff, a } = await setup();
    const code = await relief.codeFor(a.id, '2025-06');
    expect(code).toMatch(/^\d{6}$/);
    const found = await at('2025-06-05T09:12:00', () => relief.findForCheckin(code.replace(/(\d{3})/, '$1 ')));
    expect(found).toMatchObject({ kind: 'code', recipient: { id: a.id } });
    await at('2025-06-05T09:12:00', () => relief.checkIn(staff, a.id, {}, 'code'));
    const second = await at('2025-06-05T15:00:00', () =>
      relief.checkIn(staff, a.id, { proxyName: '李明' }, 'search'),
    ).catch((e) => e);
    expect(second).toMatchObject({
      code: 'relief.alreadyCollected',
      params: { name: a.name, at: '2025-06-05 09:12', staff: '刘干事' },
    });
    // Next month is a new month.
    await expect(at('2025-07-05T09:00:00', () => relief.checkIn(staff, a.id, {}, 'search'))).resolves.toMatchObject({
      month: '2025-07',
    });
  });

  it('two desks confirming the same person at once record one pickup', async () => {
    const { staff, a } = await setup();
    clock.set(bj('2025-06-05T09:30:00'));
    const results = await Promise.allSettled([
      relief.checkIn(staff, a.id, {}, 'search'),
      relief.checkIn(staff, a.id, {}, 'search'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await relief.monthReport('2025-06')).collectedSelf).toBe(1);
  });

  it('the community report counts each month as the month’s own report does, someone since taken off the roster too', async () => {
    const { staff, a, b, c } = await setup();
    await at('2025-06-05T09:00:00', () => relief.checkIn(staff, a.id, {}, 'search'));
    await at('2025-06-05T09:10:00', () => relief.checkIn(staff, b.id, { proxyName: '张红' }, 'search'));
    await at('2025-07-05T09:00:00', () => relief.checkIn(staff, c.id, {}, 'search'));
    await relief.setActive(staff, c.id, false);
    const months = ['2025-05', '2025-06', '2025-07'];
    const many = await relief.monthsFigures(months);
    // a month nobody collected in is left out: its roster was not kept here
    expect([...many.keys()]).toEqual(['2025-06', '2025-07']);
    for (const m of ['2025-06', '2025-07']) expect(many.get(m), m).toEqual(await relief.monthFigures(m));
    expect(many.get('2025-07')).toMatchObject({ collected: 1 });
    // the roster is today's: c is expected only in the month she came
    expect(many.get('2025-07')!.expected).toBe(many.get('2025-06')!.expected + 1);
  });

  it("last month's code is not accepted this month", async () => {
    const { a } = await setup();
    const old = await relief.codeFor(a.id, '2025-05');
    await relief.codeFor(a.id, '2025-06');
    const r = await at('2025-06-05T09:00:00', () => relief.findForCheckin(old)).catch((e) => e);
    // Either no recipient has that code in June, or it is someone's June code by chance — never a's May code.
    if (r instanceof Error) expect(r).toMatchObject({ code: 'relief.codeNotFound' });
    else expect(r.recipient.id === a.id && old === (await relief.codeFor(a.id, '2025-06'))).toBe(false);
  });

  it('finds people by part of a name or the last four phone digits', async () => {
    await setup();
    clock.set(bj('2025-06-05T09:00:00'));
    const byName = await relief.findForCheckin('秀英');
    expect(
      byName.kind === 'list' && byName.recipients.every((r) => r.name.includes('秀英')) && byName.recipients.length > 0,
    ).toBe(true);
    const byPhone = await relief.findForCheckin('1000');
    expect(byPhone.kind === 'list' && byPhone.recipients.map((r) => r.phone)).toEqual(['13900001000']);
    await expect(relief.findForCheckin('12')).rejects.toMatchObject({
      code: 'relief.invalidSearch',
    });
  });

  it('an inactive recipient cannot be checked in', async () => {
    const { staff, c } = await setup();
    await relief.setActive(staff, c.id, false);
    await expect(at('2025-06-05T09:00:00', () => relief.checkIn(staff, c.id, {}, 'search'))).rejects.toMatchObject({
      code: 'relief.inactive',
    });
  });
});
