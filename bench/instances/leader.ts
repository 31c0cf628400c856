// Phase c of the instances benchmark: the scheduler's leader SIGKILLed. How soon another leads (never two), and
// the reminders the scheduler sends: activities whose "starts soon" reminder falls due before the kill, in the gap
// between the kill and the new leader (made up by its catch-up run), and after it (its own schedule). Each
// recipient is counted at the fake Bot API: none without a reminder, none with two.
import { pino } from 'pino';
import { createConfig } from '../../src/config';
import { systemClock } from '../../src/core/clock';
import { localDate, localTime } from '../../src/core/time';
import { openPostgresDatabase } from '../../src/db/client';
import { createAreas } from '../../src/features';
import type { ActivityInput } from '../../src/features/activities/service';
import { seedDemoPlaces } from '../../src/features/residents/demo';
import { createPlatform, offlineTelegram } from '../../src/platform';
import { lecture } from '../../test/features/activities/support';
import { type Instance, startFleet, stopFleet, until } from './fleet';
import { load, type Phase, recordSends } from './sends';

const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
/** locales/zh-CN/activities.json msg.remindSoon */
const REMINDER = '活动快开始了';
const STAFF = 1;

// The activities tests' lecture, moved to the bench's times: open to all, no limit on places, nothing to bring.
const activity = (title: string, start: Date): ActivityInput =>
  lecture({
    titleZh: title,
    titleEn: null,
    descriptionZh: '基准测试的活动。',
    date: localDate(start, ZONE),
    startsAt: localTime(start, ZONE),
    endsAt: localTime(new Date(Math.min(start.getTime() + 30 * MINUTE, endOfDay(start))), ZONE),
    capacity: null,
    bringZh: null,
    bringEn: null,
  });

/** 23:59 local of the day `d` falls on (an activity ends the day it starts). */
const endOfDay = (d: Date) => new Date(`${localDate(d, ZONE)}T23:59:00+08:00`).getTime();

export async function leaderKilled(p: Phase, perGroup: number): Promise<void> {
  const url = await p.freshPg();
  const fleet = await startFleet(3, {
    api: p.api,
    lb: p.lb,
    db: { DATABASE_URL: url },
    // The reminders job every 2 s instead of every 5 min: the reminder due after the kill need not wait minutes.
    env: { BENCH_CRON: '1', BENCH_JOB_CRON: JSON.stringify({ 'activities.reminders': '*/2 * * * * *' }) },
  });
  const leads = (i: Instance) => i.logs.some((l) => l.msg.startsWith('this instance leads'));
  await until(() => fleet.some(leads), 30_000, 'a leader');
  const h = openPostgresDatabase(url, 2);
  const config = createConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const platform = createPlatform({
    db: h.db,
    config,
    clock: systemClock,
    log: pino({ level: 'silent' }),
    telegram: offlineTelegram,
  });
  const { services } = createAreas(platform);
  await seedDemoPlaces(h.db);
  const compound = (await services.residents.compounds())[0]!;
  await platform.identity.touch({ id: STAFF, first_name: '社工' });
  await platform.identity.grant(null, STAFF, 'staff');

  // "Soon" reminders fall due an hour before the start, on the minute. The kill comes just before minute m1.
  const now = Date.now();
  const m1 = Math.ceil((now + 20_000) / MINUTE) * MINUTE;
  const groups = [
    { name: 'before', dueAt: Math.floor(now / MINUTE) * MINUTE },
    { name: 'during', dueAt: m1 },
    { name: 'after', dueAt: m1 + MINUTE },
  ].map((g, k) => ({ ...g, ids: Array.from({ length: perGroup }, (_, i) => 7_000_000 + k * 100_000 + i) }));
  const rec = recordSends(p.api);
  for (const g of groups) {
    const id = await services.activities.create(
      { id: STAFF, staff: true },
      activity(`讲座 ${g.name}`, new Date(g.dueAt + 60 * MINUTE)),
    );
    await services.activities.publish({ id: STAFF, staff: true }, id);
    for (const u of g.ids) {
      await platform.identity.touch({ id: u, first_name: `居民${u}`, language_code: 'zh-hans' });
      await services.residents.setHome(u, compound.id);
      await services.activities.signUp(u, id);
    }
  }
  const reminded = () => new Set(rec.sends.filter((s) => s.text.includes(REMINDER)).map((s) => s.chatId));
  const before = groups[0]!.ids;
  await until(() => before.every((u) => reminded().has(u)), 60_000, 'the reminders due before the kill');
  const leader = fleet.find(leads)!;
  // Just before m1: the "during" reminders fall due between the kill and the next leader (it checks every 5 s).
  await new Promise((r) => setTimeout(r, Math.max(0, m1 - 50 - Date.now())));
  leader.child.kill('SIGKILL');
  const killedAt = Date.now();
  await until(() => fleet.some((i) => i !== leader && leads(i)), 30_000, 'a new leader');
  const next = fleet.find((i) => i !== leader && leads(i))!;
  const tookOver = next.logs.find((l) => l.msg.startsWith('this instance leads'))!.at - killedAt;
  const during = groups[1]!.dueAt;
  const inGap = during > killedAt && during < killedAt + tookOver;
  const all = groups.flatMap((g) => g.ids);
  await until(() => all.every((u) => reminded().has(u)), 180_000, 'every reminder');
  // A reminder queued twice would go out within seconds of the first: wait for it before counting.
  await new Promise((r) => setTimeout(r, 5000));
  rec.stop();
  await stopFleet(fleet.filter((i) => i !== leader));
  await h.close();
  const count = new Map<number, number>();
  for (const s of rec.sends) if (s.text.includes(REMINDER)) count.set(s.chatId, (count.get(s.chatId) ?? 0) + 1);
  console.error(`c. a new leader after ${tookOver} ms, load ${load()}`);
  p.rows.push({
    result: 'c. scheduler leader SIGKILLed',
    'new leader after ms': tookOver,
    'other leaders': fleet.filter((i) => i !== leader && i !== next && leads(i)).length,
    'reminders due': groups
      .map((g) => `${g.name} ${Math.round((g.dueAt - killedAt) / 100) / 10}s: ${g.ids.length}`)
      .join(', '),
    '"during" fell between kill and new leader': inGap,
    lost: all.filter((u) => !count.has(u)).length,
    doubled: all.filter((u) => (count.get(u) ?? 0) > 1).length,
    'load avg': load(),
  });
}
