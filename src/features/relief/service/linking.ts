import { randomBytes } from 'node:crypto';
import { DAY_MS } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import {
  LinkExpired,
  LinkedElsewhere,
  LinkNotFound,
  LinkUsed,
  OwnProxyLink,
  RecipientInactive,
  RecipientNotFound,
  TooManyProxies,
} from '../errors';
import { LINK_DAYS, MAX_PROXIES } from '../policy';
import { parseProxyName } from '../recipients';
import type { Recipient } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';

const newCode = () => randomBytes(9).toString('base64url');
const expiry = (now: Date) => new Date(now.getTime() + LINK_DAYS * DAY_MS).toISOString();

export type LinkPreview = { kind: 'recipient' | 'proxy'; recipientName: string; proxyName: string | null };
export type Redeemed = { recipient: Recipient; as: 'self' | 'proxy'; proxyName: string | null };
export interface Represented {
  recipient: Recipient;
  as: 'self' | 'proxy';
}

async function usableLink(db: DbOrTx, code: string, now: Date) {
  const link = await store.findLink(db, code);
  if (!link) throw new LinkNotFound();
  if (link.usedBy !== null) throw new LinkUsed();
  if (Date.parse(link.expiresAt) <= now.getTime()) throw new LinkExpired();
  const recipient = await store.findRecipient(db, link.recipientId);
  if (!recipient) throw new LinkNotFound();
  if (!recipient.active) throw new RecipientInactive(recipient.name);
  return { link, recipient };
}

/** Everyone this Telegram user may see the pickup of: themself and those they collect for. Nobody else. */
export async function representedBy(db: DbOrTx, userId: number): Promise<Represented[]> {
  const out: Represented[] = [];
  const self = await store.findRecipientByUser(db, userId);
  if (self?.active) out.push({ recipient: self, as: 'self' });
  for (const r of await store.proxiedBy(db, userId))
    if (r.active && r.id !== self?.id) out.push({ recipient: r, as: 'proxy' });
  return out;
}

export const mayAct = async (db: DbOrTx, userId: number, recipientId: number): Promise<Represented | undefined> =>
  (await representedBy(db, userId)).find((r) => r.recipient.id === recipientId);

/** One-time links that tie a Telegram account to a recipient, and the proxies who collect for them. */
export function linkingService({ db, clock, outbox }: ReliefDeps) {
  /** Uses a link in the caller's transaction; what it linked, and to whom the recipient should hear about it. */
  async function redeem(trx: DbOrTx, userId: number, code: string, asProxyName: string | null, now: Date) {
    const { link, recipient } = await usableLink(trx, code, now);
    const at = now.toISOString();
    if (link.proxyId !== null) {
      if (recipient.userId === userId) throw new OwnProxyLink();
      const proxy = await store.findProxy(trx, link.proxyId);
      if (!proxy?.active) throw new LinkNotFound();
      if (!(await store.claimLink(trx, code, userId, at))) throw new LinkUsed();
      await store.setProxyUser(trx, proxy.id, userId);
      return { recipient, as: 'proxy' as const, proxyName: proxy.name };
    }
    if (asProxyName === null) {
      const mine = await store.findRecipientByUser(trx, userId);
      if (mine && mine.id !== recipient.id) throw new LinkedElsewhere();
      if (!(await store.claimLink(trx, code, userId, at))) throw new LinkUsed();
      await store.updateRecipient(trx, recipient.id, { userId, at });
      return { recipient: { ...recipient, userId }, as: 'self' as const, proxyName: null };
    }
    const name = parseProxyName(asProxyName);
    if (recipient.userId === userId) throw new OwnProxyLink();
    if ((await store.proxiesOf(trx, recipient.id)).length >= MAX_PROXIES) throw new TooManyProxies(MAX_PROXIES);
    if (!(await store.claimLink(trx, code, userId, at))) throw new LinkUsed();
    await store.insertProxy(trx, { recipientId: recipient.id, name, userId, createdBy: link.createdBy, at });
    return { recipient, as: 'proxy' as const, proxyName: name };
  }

  return {
    /** Staff give a recipient a one-time link; opening it links that account (or a family member as proxy). */
    async createRecipientLink(staffId: number, recipientId: number) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const recipient = await store.findRecipient(trx, recipientId);
        if (!recipient) throw new RecipientNotFound();
        if (!recipient.active) throw new RecipientInactive(recipient.name);
        const code = newCode();
        const expiresAt = expiry(now);
        const createdAt = now.toISOString();
        await store.insertLink(trx, { code, recipientId, proxyId: null, createdBy: staffId, createdAt, expiresAt });
        const subject = `relief_recipient:${recipientId}`;
        await recordAudit(trx, { actorId: staffId, action: 'relief.link.create', subject }, now);
        return { code, expiresAt, recipient };
      });
    },

    /** What a link is for, without using it: the opener is asked who they are before anything changes. */
    async previewLink(code: string): Promise<LinkPreview> {
      const { link, recipient } = await usableLink(db, code, clock.now());
      const proxy = link.proxyId === null ? undefined : await store.findProxy(db, link.proxyId);
      return {
        kind: link.proxyId === null ? 'recipient' : 'proxy',
        recipientName: recipient.name,
        proxyName: proxy?.name ?? null,
      };
    },

    /**
     * Uses a link. A staff link makes the opener the recipient (`asProxyName` null) or, when a family member opened
     * it, a proxy under the name they gave. A proxy link (from the recipient) makes the opener that proxy.
     */
    async redeemLink(userId: number, code: string, asProxyName: string | null, done?: TxHook): Promise<Redeemed> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const result = await redeem(trx, userId, code, asProxyName, now);
        const subject = `relief_recipient:${result.recipient.id}`;
        const entry = { actorId: userId, action: 'relief.link.use', subject, details: { as: result.as } };
        await recordAudit(trx, entry, now);
        // The recipient hears when someone can now collect for them; a proxy cannot be added behind their back.
        const to = result.recipient.userId;
        if (result.as === 'proxy' && to !== null) {
          const content = { key: 'relief.notify.proxyLinked', params: { proxy: result.proxyName ?? '' } };
          const msg = { dedupeKey: `relief:proxy-linked:${code}`, chatId: to, userId: to, content };
          await outbox.enqueue(trx, [{ ...msg, category: 'personal' }], now);
        }
        await runHooks(trx, done);
        return result;
      });
    },

    /** A linked recipient names someone to collect for them; that person gets their own one-time link. */
    async nameProxy(userId: number, recipientId: number, proxyName: string, done?: TxHook) {
      const name = parseProxyName(proxyName);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const recipient = await store.findRecipient(trx, recipientId);
        // Only the person themself names their proxy: a proxy cannot hand the errand on.
        if (!recipient || recipient.userId !== userId) throw new RecipientNotFound();
        if (!recipient.active) throw new RecipientInactive(recipient.name);
        if ((await store.proxiesOf(trx, recipientId)).length >= MAX_PROXIES) throw new TooManyProxies(MAX_PROXIES);
        const at = now.toISOString();
        const proxyId = await store.insertProxy(trx, { recipientId, name, userId: null, createdBy: userId, at });
        const code = newCode();
        const expiresAt = expiry(now);
        await store.insertLink(trx, { code, recipientId, proxyId, createdBy: userId, createdAt: at, expiresAt });
        const subject = `relief_recipient:${recipientId}`;
        await recordAudit(trx, { actorId: userId, action: 'relief.proxy.name', subject }, now);
        await runHooks(trx, done);
        return { code, expiresAt, name };
      });
    },

    /** The recipient themself, or staff, remove a proxy; false when it is not theirs to remove (or already gone). */
    async removeProxy(actorId: number, isStaff: boolean, proxyId: number): Promise<boolean> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const proxy = await store.findProxy(trx, proxyId);
        const recipient = proxy && (await store.findRecipient(trx, proxy.recipientId));
        if (!proxy?.active || !recipient || (!isStaff && recipient.userId !== actorId)) return false;
        await store.deactivateProxy(trx, proxyId);
        const subject = `relief_recipient:${recipient.id}`;
        await recordAudit(trx, { actorId, action: 'relief.proxy.remove', subject, details: { proxyId } }, now);
        return true;
      });
    },

    representedBy: (userId: number) => representedBy(db, userId),
    /** Linked recipients on the active roster and the proxies who opened their link, each once (an audience). */
    async reachableByRelief(): Promise<number[]> {
      const ids = new Set<number>();
      for (const r of await store.listRecipients(db, true)) if (r.userId !== null) ids.add(r.userId);
      for (const p of await store.linkedProxies(db)) ids.add(p.userId);
      return [...ids].sort((a, b) => a - b);
    },
    mayAct: (userId: number, recipientId: number) => mayAct(db, userId, recipientId),
  };
}
