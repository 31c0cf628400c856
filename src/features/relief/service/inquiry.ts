import { displayName } from '../../../core/names';
import { DAY_MS, localDate } from '../../../core/time';
import { recordAudit, type User } from '../../../identity';
import type { OutMessage, Params } from '../../../outbox/service';
import { CB } from '../callbacks';
import { InquiryAnswered, InquiryNotFound } from '../errors';
import { addMonths, localStamp, monthOf } from '../months';
import { INQUIRY_DAYS, INQUIRY_PAGE } from '../policy';
import type { Inquiry, Settings } from '../store';
import * as store from '../store';
import { staffChats } from './cycle';
import type { ReliefDeps } from './deps';
import { representedBy } from './linking';
import { pickupDate } from './settings';

/** What someone not on the roster is told: when and where the pickup is, and whether they asked staff lately. */
export interface NotEnrolled {
  settings: Settings;
  /** The next pickup day, today included. */
  pickupDate: string;
  /** When they last asked staff to contact them (within INQUIRY_DAYS), or null. */
  askedAt: string | null;
}

export type AskOutcome = { outcome: 'sent' | 'already'; askedAt: string } | { outcome: 'enrolled' };

/** Where someone lives, in both languages: what staff need to know who is asking (issue 15). */
export type Home = { community: { 'zh-CN': string; en: string }; compound: { 'zh-CN': string; en: string } } | null;

/** A request as staff see it: who asked, how to reach them, where they live. */
export interface InquiryView extends Inquiry {
  name: string;
  username: string | null;
  phone: string | null;
  home: Home;
}

/** The card a request was first sent as to one staff chat: what "answered" later `replaces`. */
const cardKey = (id: number, chatId: number) => `relief:inquiry:${id}:${chatId}`;

/**
 * People not on the roster: the pickup explained, and a button that asks staff to contact them — a message to
 * staff through the outbox naming who asked, where they live and how to reach them, at most once in INQUIRY_DAYS.
 * Staff mark a request answered (from that message or the workbench's list): every staff copy then says by whom.
 */
export function inquiryService(deps: ReliefDeps) {
  const { db, clock, identity, outbox, policy, residents } = deps;
  const recentSince = (now: Date) => new Date(now.getTime() - INQUIRY_DAYS * DAY_MS).toISOString();

  async function homeOf(user: User | undefined): Promise<Home> {
    if (!user || !residents) return null;
    const { community, compound } = await residents.homeOf(user);
    if (!community || !compound) return null;
    return {
      community: { 'zh-CN': community.nameZh, en: community.nameEn },
      compound: { 'zh-CN': compound.nameZh, en: compound.nameEn },
    };
  }

  /** Who asked, as the staff message names them (rendered in each staff member's language). */
  async function askerParams(userId: number): Promise<Params> {
    const user = await identity.user(userId);
    const home = await homeOf(user);
    return {
      id: userId,
      name: user ? displayName(user) : String(userId),
      username: user?.username ? { $t: 'relief.inquiry.username', params: { username: user.username } } : '',
      phone: user?.phone ? { $t: 'relief.inquiry.phone', params: { phone: user.phone } } : '',
      home: home ? { $t: 'relief.inquiry.home', params: home } : { $t: 'relief.inquiry.noHome' },
    };
  }

  return {
    async notEnrolled(userId: number): Promise<NotEnrolled> {
      const now = clock.now();
      const s = await store.getSettings(db);
      const today = localDate(now, policy.timezone);
      const thisDay = pickupDate(monthOf(today), s);
      const next = today <= thisDay ? thisDay : pickupDate(addMonths(monthOf(today), 1), s);
      const asked = await store.latestInquiry(db, userId, recentSince(now));
      return { settings: s, pickupDate: next, askedAt: asked?.askedAt ?? null };
    },

    async askStaff(userId: number): Promise<AskOutcome> {
      const now = clock.now();
      // Someone linked since the card was shown sees their pickup instead.
      if ((await representedBy(db, userId)).length > 0) return { outcome: 'enrolled' };
      // Read before the transaction: on SQLite's one connection a read outside it would wait for it to end.
      const params = await askerParams(userId);
      return db.transaction().execute(async (trx): Promise<AskOutcome> => {
        const earlier = await store.latestInquiry(trx, userId, recentSince(now));
        if (earlier) return { outcome: 'already', askedAt: earlier.askedAt };
        const at = now.toISOString();
        const id = await store.insertInquiry(trx, userId, at);
        const msgs = (await staffChats(deps, trx)).map(
          (c): OutMessage => ({
            dedupeKey: cardKey(id, c.chatId),
            chatId: c.chatId,
            userId: c.userId,
            category: 'staff',
            content: {
              key: 'relief.inquiry.toStaff',
              params,
              buttons: [
                [{ key: 'relief.btn.inquiryDone', data: CB.inquiryDone(id) }],
                [{ key: 'relief.btn.roster', data: CB.roster(0) }],
              ],
            },
          }),
        );
        await outbox.enqueue(trx, msgs, now);
        return { outcome: 'sent', askedAt: at };
      });
    },

    /** A page of the requests nobody has answered yet, oldest first, with who asked and where they live. */
    async openInquiries(page: number): Promise<{ items: InquiryView[]; total: number; page: number; pages: number }> {
      const total = await store.countOpenInquiries(db);
      const pages = Math.max(1, Math.ceil(total / INQUIRY_PAGE));
      const p = Math.min(Math.max(0, page), pages - 1);
      const list = await store.openInquiries(db, p * INQUIRY_PAGE, INQUIRY_PAGE);
      const users = new Map((await identity.users(list.map((i) => i.userId))).map((u) => [u.id, u]));
      const items = await Promise.all(
        list.map(async (i): Promise<InquiryView> => {
          const u = users.get(i.userId);
          const name = u ? displayName(u) : String(i.userId);
          return { ...i, name, username: u?.username ?? null, phone: u?.phone ?? null, home: await homeOf(u) };
        }),
      );
      return { items, total, page: p, pages };
    },

    /**
     * Staff contacted the person: the request leaves the to-do list, and every staff copy of its message now says
     * who answered it and when. Answering it twice is refused with the name of whoever did it first.
     */
    async answerInquiry(actorId: number, id: number): Promise<{ by: string; at: string }> {
      const now = clock.now();
      const nameOf = async (uid: number | null) => {
        const u = uid === null ? undefined : await identity.user(uid);
        return u ? displayName(u) : String(uid ?? '?');
      };
      const found = await store.findInquiry(db, id);
      if (!found) throw new InquiryNotFound();
      if (found.answeredAt !== null)
        throw new InquiryAnswered(await nameOf(found.answeredBy), localStamp(found.answeredAt, policy.timezone));
      const [by, params] = [await nameOf(actorId), await askerParams(found.userId)];
      const at = localStamp(now.toISOString(), policy.timezone);
      // The copies that went out: a staff member who joined since never got one, and gets no stray update.
      const held = (await outbox.list({ dedupePrefix: `relief:inquiry:${id}:` })).filter(
        (d) => d.dedupeKey === cardKey(id, d.chatId),
      );
      const answered = await db.transaction().execute(async (trx) => {
        if (!(await store.answerInquiry(trx, id, actorId, now.toISOString()))) return false;
        const entry = { actorId, action: 'relief.inquiry.answer', subject: `user:${found.userId}`, details: { id } };
        await recordAudit(trx, entry, now);
        const cards = held.map(
          (d): OutMessage => ({
            dedupeKey: `${d.dedupeKey}:answered`,
            chatId: d.chatId,
            userId: d.userId,
            category: 'staff',
            content: { key: 'relief.inquiry.toStaffAnswered', params: { ...params, by, at }, replaces: d.dedupeKey },
          }),
        );
        await outbox.enqueue(trx, cards, now);
        return true;
      });
      if (!answered) {
        // Answered a moment ago from another chat: say by whom.
        const first = await store.findInquiry(db, id);
        const when = first?.answeredAt ? localStamp(first.answeredAt, policy.timezone) : at;
        throw new InquiryAnswered(await nameOf(first?.answeredBy ?? null), when);
      }
      return { by, at };
    },
  };
}
