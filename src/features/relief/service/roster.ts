import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { RecipientNotFound } from '../errors';
import { type EditableField, type RecipientInput, validRecipient } from '../recipients';
import type { Recipient } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';

/** The roster as staff keep it in the bot: add, edit one field, stop and restart someone's package. */
export function rosterService({ db, clock }: ReliefDeps) {
  return {
    roster: () => store.listRecipients(db),
    recipient: (id: number) => store.findRecipient(db, id),
    proxiesOf: (recipientId: number) => store.proxiesOf(db, recipientId),

    async addRecipient(actorId: number, input: RecipientInput, done?: TxHook): Promise<number> {
      const v = validRecipient(input);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const id = await store.insertRecipient(trx, { ...v, at: now.toISOString() });
        const subject = `relief_recipient:${id}`;
        const details = { category: v.category };
        await recordAudit(trx, { actorId, action: 'relief.recipient.add', subject, details }, now);
        await runHooks(trx, done);
        return id;
      });
    },

    /** One field at a time, as staff change it in the bot; an empty phone or notes clears it. */
    async editRecipient(
      actorId: number,
      id: number,
      field: EditableField,
      value: string,
      done?: TxHook,
    ): Promise<Recipient> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const r = await store.findRecipient(trx, id);
        if (!r) throw new RecipientNotFound();
        const next = validRecipient({ ...r, [field]: value });
        await store.updateRecipient(trx, id, { [field]: next[field], at: now.toISOString() });
        const subject = `relief_recipient:${id}`;
        await recordAudit(trx, { actorId, action: 'relief.recipient.edit', subject, details: { field } }, now);
        await runHooks(trx, done);
        return { ...r, [field]: next[field] };
      });
    },

    async setActive(actorId: number, id: number, active: boolean): Promise<Recipient> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const r = await store.findRecipient(trx, id);
        if (!r) throw new RecipientNotFound();
        await store.updateRecipient(trx, id, { active, at: now.toISOString() });
        const action = active ? 'relief.recipient.reactivate' : 'relief.recipient.deactivate';
        await recordAudit(trx, { actorId, action, subject: `relief_recipient:${id}` }, now);
        return { ...r, active };
      });
    },
  };
}
