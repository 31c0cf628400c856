import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue } from '../delivery/service';
import {
  InvalidInput,
  LinkExpired,
  LinkedElsewhere,
  LinkNotFound,
  LinkUsed,
  OwnProxyLink,
  RecipientInactive,
  RecipientNotFound,
  TooManyProxies,
} from './errors';
import { cleanName } from './roster';
import type { RecipientRow } from './store';
import * as store from './store';

export const LINK_DAYS = 14;
/** A family can share the errand, but a long list of strangers collecting for one person is a risk. */
export const MAX_PROXIES = 3;

const newCode = () => randomBytes(9).toString('base64url');
const expiry = (now: Date) => new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString();

/** Staff give a recipient a one-time link; opening it links that Telegram account (or a family member as proxy). */
export async function createRecipientLink(
  db: Db,
  staffId: number,
  recipientId: number,
  now: Date,
): Promise<{ code: string; expiresAt: string; recipient: RecipientRow }> {
  return db.transaction().execute(async (trx) => {
    const recipient = await store.findRecipient(trx, recipientId);
    if (!recipient) throw new RecipientNotFound();
    if (!recipient.active) throw new RecipientInactive(recipient.name);
    const code = newCode();
    const expiresAt = expiry(now);
    await store.insertLink(trx, {
      code,
      recipient_id: recipientId,
      proxy_id: null,
      created_by: staffId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_by: null,
      used_at: null,
    });
    await recordAudit(
      trx,
      { actorId: staffId, action: 'relief.link.create', subject: `relief_recipient:${recipientId}` },
      now,
    );
    return { code, expiresAt, recipient };
  });
}

export type LinkPreview = { kind: 'recipient' | 'proxy'; recipientName: string; proxyName: string | null };

async function usableLink(db: DbOrTx, code: string, now: Date) {
  const link = await store.findLink(db, code);
  if (!link) throw new LinkNotFound();
  if (link.used_by !== null) throw new LinkUsed();
  if (Date.parse(link.expires_at) <= now.getTime()) throw new LinkExpired();
  const recipient = await store.findRecipient(db, link.recipient_id);
  if (!recipient) throw new LinkNotFound();
  if (!recipient.active) throw new RecipientInactive(recipient.name);
  return { link, recipient };
}

/** What a link is for, without using it: the opener is asked who they are before anything changes. */
export async function previewLink(db: DbOrTx, code: string, now: Date): Promise<LinkPreview> {
  const { link, recipient } = await usableLink(db, code, now);
  const proxy = link.proxy_id === null ? undefined : await store.findProxy(db, link.proxy_id);
  return {
    kind: link.proxy_id === null ? 'recipient' : 'proxy',
    recipientName: recipient.name,
    proxyName: proxy?.name ?? null,
  };
}

export type Redeemed = { recipient: RecipientRow; as: 'self' | 'proxy'; proxyName: string | null };

/**
 * Uses a link. A staff link makes the opener the recipient (`asProxyName` null) or, when a family member opened
 * it, a proxy under the name they gave. A proxy link (from the recipient) makes the opener that proxy.
 */
export async function redeemLink(
  db: Db,
  userId: number,
  code: string,
  asProxyName: string | null,
  now: Date,
): Promise<Redeemed> {
  return db.transaction().execute(async (trx) => {
    const { link, recipient } = await usableLink(trx, code, now);
    const at = now.toISOString();
    let result: Redeemed;
    if (link.proxy_id !== null) {
      if (recipient.user_id === userId) throw new OwnProxyLink();
      const proxy = await store.findProxy(trx, link.proxy_id);
      if (!proxy?.active) throw new LinkNotFound();
      if (!(await store.claimLink(trx, code, userId, at))) throw new LinkUsed();
      await store.updateProxy(trx, proxy.id, { user_id: userId });
      result = { recipient, as: 'proxy', proxyName: proxy.name };
    } else if (asProxyName === null) {
      const mine = await store.findRecipientByUser(trx, userId);
      if (mine && mine.id !== recipient.id) throw new LinkedElsewhere();
      if (!(await store.claimLink(trx, code, userId, at))) throw new LinkUsed();
      await store.updateRecipient(trx, recipient.id, { user_id: userId, updated_at: at });
      result = { recipient: { ...recipient, user_id: userId }, as: 'self', proxyName: null };
    } else {
      const name = cleanName(asProxyName);
      if (!name) throw new InvalidInput('Name');
      if (recipient.user_id === userId) throw new OwnProxyLink();
      if ((await store.proxiesOf(trx, recipient.id)).length >= MAX_PROXIES) throw new TooManyProxies(MAX_PROXIES);
      if (!(await store.claimLink(trx, code, userId, at))) throw new LinkUsed();
      await store.insertProxy(trx, {
        recipient_id: recipient.id,
        name,
        user_id: userId,
        created_by: link.created_by,
        created_at: at,
      });
      result = { recipient, as: 'proxy', proxyName: name };
    }
    await recordAudit(
      trx,
      {
        actorId: userId,
        action: 'relief.link.use',
        subject: `relief_recipient:${recipient.id}`,
        details: { as: result.as },
      },
      now,
    );
    // The recipient hears when someone can now collect for them; a proxy cannot be added behind their back.
    if (result.as === 'proxy' && recipient.user_id !== null) {
      await enqueue(
        trx,
        [
          {
            dedupeKey: `relief:proxy-linked:${code}`,
            chatId: recipient.user_id,
            userId: recipient.user_id,
            category: 'personal',
            content: { key: 'relief.notify.proxyLinked', params: { proxy: result.proxyName ?? '' } },
          },
        ],
        now,
      );
    }
    return result;
  });
}

/** A linked recipient names someone to collect for them; that person gets their own one-time link. */
export async function nameProxy(
  db: Db,
  userId: number,
  recipientId: number,
  proxyName: string,
  now: Date,
): Promise<{ code: string; expiresAt: string; name: string }> {
  const name = cleanName(proxyName);
  if (!name) throw new InvalidInput('Name');
  return db.transaction().execute(async (trx) => {
    const recipient = await store.findRecipient(trx, recipientId);
    // Only the person themself names their proxy: a proxy cannot hand the errand on.
    if (!recipient || recipient.user_id !== userId) throw new RecipientNotFound();
    if (!recipient.active) throw new RecipientInactive(recipient.name);
    if ((await store.proxiesOf(trx, recipientId)).length >= MAX_PROXIES) throw new TooManyProxies(MAX_PROXIES);
    const at = now.toISOString();
    const proxyId = await store.insertProxy(trx, {
      recipient_id: recipientId,
      name,
      user_id: null,
      created_by: userId,
      created_at: at,
    });
    const code = newCode();
    const expiresAt = expiry(now);
    await store.insertLink(trx, {
      code,
      recipient_id: recipientId,
      proxy_id: proxyId,
      created_by: userId,
      created_at: at,
      expires_at: expiresAt,
      used_by: null,
      used_at: null,
    });
    await recordAudit(
      trx,
      { actorId: userId, action: 'relief.proxy.name', subject: `relief_recipient:${recipientId}` },
      now,
    );
    return { code, expiresAt, name };
  });
}

/** The recipient themself, or staff, remove a proxy. */
export async function removeProxy(
  db: Db,
  actorId: number,
  isStaff: boolean,
  proxyId: number,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const proxy = await store.findProxy(trx, proxyId);
    const recipient = proxy && (await store.findRecipient(trx, proxy.recipient_id));
    if (!proxy?.active || !recipient || (!isStaff && recipient.user_id !== actorId))
      throw new RecipientNotFound();
    await store.updateProxy(trx, proxyId, { active: 0 });
    await recordAudit(
      trx,
      { actorId, action: 'relief.proxy.remove', subject: `relief_recipient:${recipient.id}`, details: { proxyId } },
      now,
    );
  });
}

export interface Represented {
  recipient: RecipientRow;
  as: 'self' | 'proxy';
}

/** Everyone this Telegram user may see the pickup of: themself and those they collect for. Nobody else. */
export async function representedBy(db: DbOrTx, userId: number): Promise<Represented[]> {
  const out: Represented[] = [];
  const self = await store.findRecipientByUser(db, userId);
  if (self?.active) out.push({ recipient: self, as: 'self' });
  for (const r of await store.proxiedBy(db, userId)) {
    const { proxy_id: _p, proxy_name: _n, ...recipient } = r;
    if (recipient.active && recipient.id !== self?.id) out.push({ recipient, as: 'proxy' });
  }
  return out;
}

export async function mayAct(db: DbOrTx, userId: number, recipientId: number): Promise<Represented | undefined> {
  return (await representedBy(db, userId)).find((r) => r.recipient.id === recipientId);
}
