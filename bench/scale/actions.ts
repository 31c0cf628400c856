// Every common thing residents, staff and deputies do, as the scale benchmark performs it: through the bot's own
// commands and buttons (callback data formats are stable by rule: old buttons must keep working), as people who
// exist in the generated database. One call of `run` is one sample; each update in it is timed as its own step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FakeBotApi, FakeUser, RecordedCall } from '../../src/playground/fake-api';
import { type Driver, dataOf, need, textOf } from './driver';
import { ANCHOR_MS, addMonths, IDS, localDate, localMonth, SIZE } from './world';

export interface Scenario {
  name: string;
  /** Samples: at least `min`, at most `max`, and no more once `budgetMs` has passed; `warmup` first (default 2). */
  warmup?: number;
  min?: number;
  max?: number;
  budgetMs?: number;
  run(d: Driver, i: number): Promise<void>;
}

type Profile = {
  id: number;
  first_name: string;
  last_name: string | null;
  username: string | null;
  tg_language: string | null;
};

/** What the scenarios need to know of the generated database, read before the app opens it. */
export function fixtures(path: string) {
  const db = new Database(path, { readonly: true });
  const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
  const month = localMonth(ANCHOR_MS);
  const today = localDate(ANCHOR_MS);
  const profile = `id, first_name, last_name, username, tg_language`;
  // Chinese-speaking residents with no conversation in progress, in a fixed shuffled order.
  const fresh = all<Profile>(
    `select ${profile} from users u where id >= ? and onboarded = 1 and reachable = 1 and coalesce(language, 'zh-CN') = 'zh-CN'
       and tg_language = 'zh-hans' and not exists (select 1 from flows f where f.user_id = u.id)
       and not exists (select 1 from petition_followers pf where pf.user_id = u.id)
     order by (id * 2654435761) % 1000003 limit 8000`,
    IDS.resident(0),
  );
  const profiles = (ids: number[]) =>
    ids.length ? all<Profile>(`select ${profile} from users where id in (${ids.join(',')})`) : [];
  const staff = profiles(Array.from({ length: SIZE.staff }, (_, i) => IDS.staff(i)));
  const heavyFollowers = all<Profile>(
    `select ${profile} from users where id in (select user_id from petition_followers where user_id >= ?
       group by user_id order by count(*) desc limit 150)`,
    IDS.resident(0),
  );
  const popular = all<{ id: number; open: number; community_id: number; category: string }>(
    `select p.id, p.status not in ('resolved','unresolvable') as open, p.community_id, p.category from petitions p
     join petition_followers f on f.petition_id = p.id group by p.id order by count(*) desc limit 60`,
  );
  const deputyFor = (community: number, category: string) =>
    all<{ user_id: number }>(
      'select user_id from petition_deputies where community_id = ? and (category is null or category = ?) limit 1',
      community,
      category,
    )[0]?.user_id;
  const deputies = profiles(Array.from({ length: SIZE.deputies }, (_, i) => IDS.deputy(i)));
  // Petitions waiting for an acknowledgement, with a deputy who handles each.
  const toAck = all<{ id: number; user_id: number }>(
    `select p.id, d.user_id from petitions p join petition_deputies d on d.community_id = p.community_id
       and (d.category is null or d.category = p.category)
     where p.status = 'submitted' and p.acknowledged_at is null group by p.id order by p.id desc`,
  );
  const handled = all<{ id: number; user_id: number }>(
    `select p.id, d.user_id from petitions p join petition_deputies d on d.community_id = p.community_id
       and (d.category is null or d.category = p.category)
     where p.status not in ('resolved','unresolvable') group by p.id order by p.id desc limit 400`,
  );
  const reliefUsers = profiles(
    all<{ user_id: number }>(
      `select user_id from relief_recipients where active = 1 and user_id is not null
       union select user_id from relief_proxies where active = 1 and user_id is not null`,
    ).map((r) => r.user_id),
  );
  const codes = all<{ recipient_id: number; code: string }>(
    `select c.recipient_id, c.code from relief_codes c join relief_recipients r on r.id = c.recipient_id
     where c.month = ? and r.active = 1
       and not exists (select 1 from relief_pickups p where p.recipient_id = c.recipient_id and p.month = c.month)`,
    month,
  );
  const market = all<{ id: number }>("select id from market_days where date = ? and status = 'published'", today)[0];
  const upcoming = all<{ id: number }>(
    "select id from market_days where date > ? and status = 'published' order by date, id limit 1",
    today,
  )[0];
  const tickets = market
    ? all<{ id: number; offer_id: number }>(
        `select b.id, b.offer_id from market_bookings b where b.market_id = ? and b.status = 'booked'
         and b.ticket_no is not null order by b.ticket_no, b.id`,
        market.id,
      )
    : [];
  const bookers = profiles(
    all<{ user_id: number }>(
      `select user_id from market_bookings where user_id >= ? group by user_id order by count(*) desc limit 150`,
      IDS.resident(0),
    ).map((r) => r.user_id),
  );
  const volunteers = profiles(
    all<{ user_id: number }>(
      "select distinct user_id from volunteer_members where status = 'approved' and user_id >= ? limit 200",
      IDS.resident(0),
    ).map((r) => r.user_id),
  );
  const handoffs = all<{ id: number }>("select id from faq_handoffs where state = 'open' order by id");
  const questions = all<{ question: string; phrasings: string }>(
    "select question, phrasings from faq_entries where lang = 'zh-CN' order by id",
  ).flatMap((e) => [e.question, ...(JSON.parse(e.phrasings) as string[])]);
  const popularWithDeputy = popular.map((p) => ({ ...p, deputy: deputyFor(p.community_id, p.category) }));
  db.close();
  const locale = (area: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'locales', 'zh-CN', `${area}.json`), 'utf8'));
  return {
    month,
    lastMonth: addMonths(month, -1),
    lastYear: String(Number(month.slice(0, 4)) - 1),
    fresh,
    staff,
    deputies,
    heavyFollowers,
    popular: popularWithDeputy,
    toAck,
    handled,
    reliefUsers,
    codes,
    marketId: market?.id,
    upcomingMarketId: upcoming?.id,
    tickets,
    volunteers,
    bookers,
    handoffs: handoffs.map((h) => h.id),
    questions: [...questions.filter((_, i) => i % 3 === 0), '我家猫丢了怎么办', '哪里可以办老年卡', '电动车上牌在哪里'],
    labels: {
      market: locale('market').menu.main as string,
      skipLocation: locale('petitions').new.skipLocation as string,
    },
  };
}
export type Fixtures = ReturnType<typeof fixtures>;

/** Hands out items in turn; `once` ones never twice (a pickup code, a ticket), failing when none are left. */
function take<T>(items: T[], what: string, once = false) {
  let i = 0;
  return () => {
    if (items.length === 0 || (once && i >= items.length)) throw new Error(`no ${what} left in the generated data`);
    return items[i++ % items.length]!;
  };
}

const PLACES = ['3栋门口', '东门停车场', '篮球场旁边', '垃圾站附近', '菜市场路口'];
const DESCRIPTIONS = [
  '路灯坏了半个月了，晚上黑漆漆的，老人不敢出门。',
  '垃圾站好几天没人清运，味道很大，招苍蝇。',
  '人行道的地砖松动翘起来了，晚上看不清容易绊倒。',
  '健身器材的螺丝松了，孩子玩的时候晃得厉害。',
];

export function scenarios(api: FakeBotApi, fx: Fixtures): Scenario[] {
  const user = (p: {
    id: number;
    first_name: string;
    last_name: string | null;
    username: string | null;
    tg_language: string | null;
  }) =>
    api.user({
      id: p.id,
      first_name: p.first_name,
      last_name: p.last_name ?? undefined,
      username: p.username ?? undefined,
      language_code: p.tg_language ?? undefined,
    });
  // Read-only actions reuse the first residents; anything that changes state takes a new one each time.
  const reader = take(fx.fresh.slice(0, 300).map(user), 'residents');
  const fresh = take(fx.fresh.slice(300).map(user), 'fresh residents', true);
  const staff = take(fx.staff.map(user), 'staff');
  const deputies = new Map(fx.deputies.map((p) => [p.id, user(p)]));
  const anyDeputy = take([...deputies.values()], 'deputies');
  const follower = take(fx.heavyFollowers.map(user), 'residents who follow many petitions');
  const relief = take(fx.reliefUsers.map(user), 'relief recipients');
  const volunteer = take(fx.volunteers.map(user), 'volunteers');
  const booker = take(fx.bookers.map(user), 'residents with bookings');
  const popular = take(fx.popular, 'much-followed petitions');
  const popularOpen = take(
    fx.popular.filter((p) => p.open && p.deputy !== undefined),
    'much-followed open petitions',
  );
  const code = take(fx.codes, 'pickup codes of this month', true);
  const ticket = take(fx.tickets, "today's booked tickets", true);
  const toAck = take(fx.toAck, 'petitions to acknowledge', true);
  const handled = take(fx.handled, 'open petitions');
  const question = take(fx.questions, 'questions');
  const handoff = take(fx.handoffs, 'open hand-offs', true);
  let n = 0;
  const command = (name: string, who: () => FakeUser, text = name): Scenario => ({
    name,
    run: async (d) => void (await d.say(name, who(), text)),
  });
  const asked = (calls: RecordedCall[]) =>
    calls.some((c) => (c.payload.reply_markup as { force_reply?: boolean } | undefined)?.force_reply);

  return [
    // ---- residents
    command('/start', reader),
    command('/help', reader),
    command('/me', reader),
    {
      name: 'FAQ: a free-text question',
      run: async (d) => void (await d.say('FAQ: a free-text question', reader(), question())),
    },
    command('market: 🛠 the next market day', reader, fx.labels.market),
    {
      // Today's market is running (booking closed), so residents book the next one from its announcement's button.
      name: 'market: book a service',
      run: async (d) => {
        if (fx.upcomingMarketId === undefined) throw new Error('no upcoming market day in the generated data');
        const u = fresh();
        const card = await d.press('market: open the next market day', u, `mk:v:${fx.upcomingMarketId}`);
        const offers = dataOf(card, /^mk:[bw]:\d+$/);
        if (!offers.length) throw new Error(`no service to book: "${textOf(card).slice(0, 120)}"`);
        const offer = offers[n++ % offers.length]!;
        const press = await d.press(
          (c) => (asked(c) ? 'market: press a service (asks details)' : 'market: press a service (books at once)'),
          u,
          offer,
        );
        if (!asked(press)) return;
        const photo = await d.say('market: type the details', u, '电饭煲不加热了，插上电没反应');
        await d.press('market: skip photo → booked', u, need(photo, /^mk:ps$/, 'photo question'));
      },
    },
    command('/mybookings', booker),
    {
      name: 'petition: file one',
      max: 80,
      run: async (d) => {
        const u = fresh();
        const c1 = await d.say('petition: /petition', u, '/petition');
        const cats = dataOf(c1, /^pt:c:\w+$/);
        await d.press('petition: choose the category', u, cats[n++ % cats.length] ?? need(c1, /^pt:c:/, '/petition'));
        await d.say('petition: type the place', u, PLACES[n % PLACES.length]!);
        await d.say('petition: skip the location', u, fx.labels.skipLocation);
        const c5 = await d.say(
          'petition: type the description (similar search)',
          u,
          DESCRIPTIONS[n % DESCRIPTIONS.length]!,
        );
        if (dataOf(c5, /^pt:sim:new$/).length) await d.press('petition: not the same as these', u, 'pt:sim:new');
        await d.press('petition: no photos', u, 'pt:ph:done');
        await d.press('petition: name shown or not', u, 'pt:nm:0');
        const done = await d.press('petition: confirm (files it, forwards to deputies)', u, 'pt:ok');
        if (!/#\d+|\d{2,}/.test(textOf(done)))
          throw new Error(`filing did not say a number: "${textOf(done).slice(0, 120)}"`);
      },
    },
    command('/mypetitions', follower),
    {
      name: 'petition: open a much-followed one',
      run: async (d) => void (await d.press('petition: open a much-followed one', reader(), `pt:v:${popular().id}`)),
    },
    {
      name: 'petition: co-sign',
      max: 80,
      run: async (d) => {
        const u = fresh();
        const card = await d.press('petition: open a much-followed one', u, `pt:v:${popularOpen().id}`);
        await d.press('petition: co-sign it', u, need(card, /^pt:cs:\d+:0$/, 'petition card'));
      },
    },
    command('/fund', reader),
    {
      name: 'fund: chart',
      max: 40,
      run: async (d) => {
        const u = reader();
        await d.say('/fund', u, '/fund');
        await d.press('fund: where the money went (PNG chart)', u, 'fd:c');
      },
    },
    command('/relief', relief),
    command('/volunteer', volunteer),
    command('/hours', volunteer),
    command('/partners', reader),

    // ---- staff
    command(`/report (a month: ${fx.lastMonth})`, staff, `/report ${fx.lastMonth}`),
    command(`/report (a year: ${fx.lastYear})`, staff, `/report ${fx.lastYear}`),
    command('/report (this month)', staff, '/report'),
    command('/petitionstats', staff),
    {
      name: 'relief: check-in at the desk',
      max: Math.max(1, Math.min(100, fx.codes.length - 10)),
      run: async (d) => {
        const s = staff();
        const c = code();
        await d.say('relief: /checkin', s, '/checkin');
        const card = await d.say('relief: type a pickup code', s, c.code);
        await d.press('relief: confirm collected', s, need(card, /^rl:cy:\d+:c$/, 'desk card'));
      },
    },
    command('/relief_report', staff),
    command('/roster', staff),
    {
      name: "market: the day's queue",
      max: Math.max(1, Math.min(80, fx.tickets.length - 5)),
      run: async (d) => {
        if (fx.marketId === undefined) throw new Error('no market day today in the generated data');
        const s = staff();
        const t = ticket();
        await d.say('/market', s, '/market');
        await d.press("market: a day's panel", s, `mk:m:${fx.marketId}`);
        await d.press('market: queue, choose the service', s, `mk:q:${fx.marketId}`);
        await d.press("market: one service's queue", s, `mk:qs:${t.offer_id}:0`);
        await d.press('market: open a ticket', s, `mk:t:${t.id}`);
        await d.press('market: record "served"', s, `mk:r:${t.id}:s`);
      },
    },
    command('/broadcasts', staff),
    command('/inbox', staff),
    {
      name: 'staff: answer a hand-off',
      max: Math.max(1, fx.handoffs.length - 3),
      run: async (d) => {
        const s = staff();
        await d.press('hand-off: press reply', s, `fq:r:${handoff()}`);
        await d.say(
          'hand-off: send the answer (to the resident)',
          s,
          '您好，周一上午到社区服务中心二楼办理，带上身份证。',
        );
      },
    },
    command('/fundlog', staff),
    command('/pledges', staff),
    command('/deputies', staff),
    command('/faq', staff),

    // ---- deputies
    command('/petitions (deputy)', anyDeputy, '/petitions'),
    {
      name: 'deputy: open a petition',
      run: async (d) => {
        const p = handled();
        await d.press('deputy: open a petition', deputies.get(p.user_id)!, `pt:d:v:${p.id}`);
      },
    },
    {
      name: 'deputy: acknowledge',
      max: Math.max(1, Math.min(80, fx.toAck.length - 5)),
      run: async (d) => {
        const p = toAck();
        await d.press('deputy: acknowledge', deputies.get(p.user_id)!, `pt:d:ak:${p.id}`);
      },
    },
    {
      name: 'deputy: reply to a much-followed petition',
      max: 30,
      run: async (d) => {
        const p = popularOpen();
        const dep = deputies.get(p.deputy!)!;
        await d.press('deputy: press reply', dep, `pt:d:rp:${p.id}`);
        await d.say('deputy: send the reply (notifies every follower)', dep, '已经联系了水务局，下周二来现场查看。');
      },
    },

    // ---- last: each adds ~47,000 queued outbox rows that everything after would run beside
    {
      name: 'broadcast to everyone',
      warmup: 1,
      min: 3,
      max: 3,
      run: async (d) => {
        const s = staff();
        await d.say('broadcast: /broadcast', s, '/broadcast');
        await d.say('broadcast: type the notice', s, '【停水通知】本周六 8:00–18:00 全街道停水，请提前储水。');
        const confirm = await d.press('broadcast: choose everyone (counts them)', s, 'nt:a:all');
        await d.press(
          'broadcast: confirm to everyone (queues every recipient)',
          s,
          need(confirm, /^nt:go:/, 'preview'),
        );
      },
    },
  ];
}
