// The community fund: more partners, five years of the ledger (shop sales, consumption-linked and directed gifts,
// monthly expenses, a few reversals), 月月捐 pledges reminded and confirmed month by month, statement subscribers.
import { FUND_NOTES } from '../texts';
import {
  ANCHOR_MS,
  addMonths,
  at,
  type Ctx,
  DAY_MS,
  iso,
  localDate,
  localMonth,
  months,
  SIZE,
  START_MS,
} from '../world';
import { inserter } from './sql';

const HOUR = 3_600_000;
const MIN = 60_000;

interface Entry {
  ms: number;
  direction: 'income' | 'expense';
  kind: string | null;
  purpose: string | null;
  amount: number;
  donorKind: string | null;
  partnerId: number | null;
  donorUser: number | null;
  donorPublic: number;
  note: string;
  pledgeId: number | null;
  source: string;
  by: number | null;
  reverses?: Entry;
}

export function fund(ctx: Ctx) {
  const { db, r } = ctx;
  const partner = inserter(db, 'partners');
  const partnerOffer = inserter(db, 'partner_offers');
  db.transaction(() => {
    for (let i = 0; i < 30; i++) {
      const id = partner({
        name: `${r.pick(['荷塘', '月塘', '建设', '新华', '湘江', '金桂'])}${r.pick(['便利店', '药房', '物业', '餐馆', '志愿队', '商会'])}${i + 1}`,
        type: r.pick(['business', 'business', 'property', 'group', 'association', 'individual', 'new_economy']),
        description: '社区合伙人',
        contact: `0731-${r.digits(8)}`,
        active: r.chance(0.9) ? 1 : 0,
        created_at: iso(r.ramp()),
      });
      partnerOffer({
        partner_id: id,
        kind: r.pick(['service', 'discount', 'space', 'money']),
        detail: '每月支持社区活动',
      });
    }
  })();
  const partners = db.prepare('select id, type from partners').all() as { id: number; type: string }[];
  const businesses = partners.filter((p) => p.type === 'business').map((p) => p.id);
  const workTime = (date: string) => at(date, '08:30') + r.int(0, 9 * 60) * MIN;

  const entries: Entry[] = [];
  const income = (ms: number, kind: string, amount: number, e: Partial<Entry> = {}) => {
    const entry: Entry = {
      ms,
      direction: 'income',
      kind,
      purpose: null,
      amount,
      donorKind: 'anonymous',
      partnerId: null,
      donorUser: null,
      donorPublic: 0,
      note: '',
      pledgeId: null,
      source: 'bot',
      by: r.pick(ctx.staff),
      ...e,
    };
    entries.push(entry);
    return entry;
  };
  const expense = (ms: number, purpose: string, amount: number, note: string) =>
    entries.push({
      ms,
      direction: 'expense',
      kind: null,
      purpose,
      amount,
      donorKind: null,
      partnerId: null,
      donorUser: null,
      donorPublic: 0,
      note,
      pledgeId: null,
      source: 'bot',
      by: r.pick(ctx.staff),
    });
  const fromPartner = (partnerId: number, purpose: string | null = null) => ({
    donorKind: 'partner',
    partnerId,
    donorPublic: 1,
    purpose,
  });

  for (let d = START_MS; d < ANCHOR_MS - DAY_MS; d += DAY_MS) {
    const date = localDate(d);
    const month = date.slice(5, 7);
    for (let k = r.int(0, 2); k > 0; k--) income(workTime(date), 'shop', r.int(5, 80) * 100, { note: FUND_NOTES[1]! });
    if (r.chance(0.6))
      income(workTime(date), 'consumption', r.int(50, 500) * 100, {
        ...fromPartner(r.pick(businesses)),
        note: FUND_NOTES[0]!,
      });
    if (!date.endsWith('-10')) continue;
    const purpose = r.pick(['relief', 'facilities', 'groups']);
    income(workTime(date), 'directed', r.int(10, 200) * 10_000, fromPartner(r.pick(partners).id, purpose));
    income(workTime(date), 'service', r.int(5, 50) * 10_000, fromPartner(r.pick(partners).id));
    expense(workTime(date), 'relief', r.int(160, 300) * 6_000, '每月救助包');
    expense(workTime(date), 'groups', r.int(3, 30) * 10_000, '志愿者活动经费');
    if (month === '01' || month === '09') expense(workTime(date), 'relief', r.int(100, 300) * 5_000, '节日慰问品');
    if (['01', '04', '07', '10'].includes(month))
      expense(workTime(date), 'facilities', r.int(20, 200) * 10_000, '公共设施维修');
  }

  // 月月捐: monthly pledges, reminded on their day and confirmed by staff when the money arrives.
  const pledge = inserter(db, 'fund_pledges');
  const pledgeMonths: { pledgeId: number; month: string; reminded: number; entry?: Entry; by: number | null }[] = [];
  db.transaction(() => {
    for (let i = 0; i < SIZE.pledges; i++) {
      const created = r.ramp();
      const p = ctx.residentBefore(created);
      const day = r.int(1, 28);
      const dd = String(day).padStart(2, '0');
      const amount = r.pick([1000, 2000, 2000, 3000, 5000, 5000, 10000, 20000]);
      const show = r.chance(0.4) ? 1 : 0;
      const startMonth = localDate(created).slice(8) > dd ? addMonths(localMonth(created), 1) : localMonth(created);
      const cancelled = r.chance(0.25) ? created + (ANCHOR_MS - created) * r.next() : null;
      const id = pledge({
        user_id: p.id,
        amount_fen: amount,
        day_of_month: day,
        show_name: show,
        start_month: startMonth,
        status: cancelled ? 'cancelled' : 'active',
        created_at: iso(created),
        cancelled_at: cancelled ? iso(cancelled) : null,
      });
      const personal = { chatId: p.id, userId: p.id, category: 'personal' as const };
      for (const month of months(startMonth, localMonth(ANCHOR_MS))) {
        const reminded = at(`${month}-${dd}`, '09:00');
        if (reminded > ANCHOR_MS || (cancelled !== null && reminded > cancelled)) break;
        const remind = { key: 'fund.pledge.remind', params: { amount } };
        ctx.deliver({ ms: reminded, key: `fund:pledge-remind:${id}:${month}`, content: remind, ...personal });
        const pm: (typeof pledgeMonths)[number] = { pledgeId: id, month, reminded, by: null };
        const confirmedAt = reminded + r.int(2, 96) * HOUR;
        if (confirmedAt < ANCHOR_MS && r.chance(0.85)) {
          pm.by = r.pick(ctx.staff);
          pm.entry = income(confirmedAt, 'monthly', amount, {
            donorKind: 'resident',
            donorUser: p.id,
            donorPublic: show,
            pledgeId: id,
            source: 'pledge',
            by: pm.by,
            note: FUND_NOTES[3]!,
          });
          ctx.audit(confirmedAt, pm.by, 'fund.pledge.confirm', `pledge:${id}`, { month });
          const thanks = { key: 'fund.pledge.thanks', params: { amount } };
          ctx.deliver({ ms: confirmedAt, key: `fund:pledge-thanks:${id}:${month}`, content: thanks, ...personal });
        }
        pledgeMonths.push(pm);
      }
    }
  })();

  // A few entries recorded wrongly and reversed by staff the next day: an exact negative mirror.
  for (const e of [...entries])
    if (e.source === 'bot' && r.chance(0.003))
      entries.push({ ...e, ms: e.ms + DAY_MS, amount: -e.amount, pledgeId: null, note: '录入错误，冲正', reverses: e });
  entries.sort((a, b) => a.ms - b.ms);

  const entry = inserter(db, 'fund_entries');
  const pledgeMonth = inserter(db, 'fund_pledge_months');
  const ids = new Map<Entry, number>();
  db.transaction(() => {
    for (const e of entries) {
      const reverses = e.reverses ? ids.get(e.reverses) : undefined;
      if (e.reverses && reverses === undefined) continue;
      const id = entry({
        entry_date: localDate(e.ms),
        direction: e.direction,
        kind: e.kind,
        purpose: e.purpose,
        amount_fen: e.amount,
        donor_kind: e.donorKind,
        partner_id: e.partnerId,
        donor_user_id: e.donorUser,
        donor_public: e.donorPublic,
        note: e.note,
        pledge_id: e.pledgeId,
        reverses_id: reverses ?? null,
        source: e.source,
        recorded_by: e.by,
        recorded_at: iso(e.ms),
      });
      ids.set(e, id);
      if (e.source === 'bot')
        ctx.audit(e.ms, e.by, reverses ? 'fund.reverse' : 'fund.record', `fund_entry:${id}`, { amount: e.amount });
    }
    for (const pm of pledgeMonths) {
      const eid = pm.entry ? (ids.get(pm.entry) ?? null) : null;
      pledgeMonth({
        pledge_id: pm.pledgeId,
        month: pm.month,
        reminded_at: iso(pm.reminded),
        entry_id: eid,
        confirmed_by: eid === null ? null : pm.by,
        confirmed_at: eid === null ? null : iso(pm.entry!.ms),
      });
    }

    // Statement subscribers, and every monthly statement up to last month's (queued on the 1st).
    const subscribe = inserter(db, 'fund_subscribers', { orIgnore: true });
    const subscribers: { id: number; ms: number }[] = [];
    while (subscribers.length < SIZE.fundSubscribers) {
      const p = ctx.residents[r.int(0, ctx.residents.length - 1)]!;
      const ms = p.created + Math.floor((ANCHOR_MS - p.created) * r.next());
      if (subscribe({ user_id: p.id, subscribed_at: iso(ms) })) subscribers.push({ id: p.id, ms });
    }
    const statement = inserter(db, 'fund_statements');
    for (const month of months(localMonth(START_MS), addMonths(localMonth(ANCHOR_MS), -1))) {
      const ms = at(`${addMonths(month, 1)}-01`, '09:00');
      const to = subscribers.filter((s) => s.ms < ms);
      statement({ month, queued_at: iso(ms), recipients: to.length });
      for (const s of to)
        ctx.deliver({
          ms,
          key: `fund:statement:${month}:${s.id}`,
          chatId: s.id,
          userId: s.id,
          category: 'notice',
          content: { key: 'fund.statement.monthly', params: { month } },
        });
    }
  })();
}
