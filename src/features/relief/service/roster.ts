import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { AlreadyOnRoster, InvalidInput, RecipientNotFound } from '../errors';
import { monthAt } from '../months';
import { type EditableField, type RecipientInput, validRecipient } from '../recipients';
import type { Recipient, RosterFilter, RosterLine } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';

/** A whole roster entry as a form gives it: the person and, when the office's list says, their community. */
export type RosterEntry = RecipientInput & { communityId: number | null };

export interface RosterPage {
  lines: RosterLine[];
  total: number;
  page: number;
  pages: number;
}

/** The roster as staff keep it in the bot and the console: add, edit, stop and restart someone's package. */
export function rosterService({ db, clock, residents, policy }: ReliefDeps) {
  /** The same person twice is refused, as the import refuses a row for someone already listed. */
  async function noTwin(trx: DbOrTx, v: RecipientInput, self: number | null) {
    const twin = await store.findByPerson(trx, v.name, v.phone);
    if (twin && twin.id !== self) throw new AlreadyOnRoster(twin.name, twin.id);
  }
  async function knownCommunity(id: number | null | undefined) {
    // Without the residents area (a test of another area) the foreign key still refuses an unknown id.
    if (id != null && residents && !(await residents.community(id))) throw new InvalidInput('Community');
  }

  return {
    roster: () => store.listRecipients(db),
    recipient: (id: number) => store.findRecipient(db, id),
    proxiesOf: (recipientId: number) => store.proxiesOf(db, recipientId),

    /** One page of the roster, filtered, with whether each person collected this month's package. */
    async rosterPage(filter: RosterFilter, page: number, size: number): Promise<RosterPage> {
      const month = monthAt(clock.now(), policy.timezone);
      const first = await store.rosterPage(db, filter, month, Math.max(0, page), size);
      const pages = Math.max(1, Math.ceil(first.total / size));
      // A page past the end (the roster shrank under a filter) shows the last one rather than nothing.
      if (page < pages) return { ...first, page: Math.max(0, page), pages };
      return { ...(await store.rosterPage(db, filter, month, pages - 1, size)), page: pages - 1, pages };
    },

    async addRecipient(
      actorId: number,
      input: RecipientInput & { communityId?: number | null },
      done?: TxHook,
    ): Promise<number> {
      const v = validRecipient(input);
      await knownCommunity(input.communityId);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        await noTwin(trx, v, null);
        const id = await store.insertRecipient(trx, { ...v, communityId: input.communityId, at: now.toISOString() });
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
        await noTwin(trx, next, id);
        await store.updateRecipient(trx, id, { [field]: next[field], at: now.toISOString() });
        const subject = `relief_recipient:${id}`;
        await recordAudit(trx, { actorId, action: 'relief.recipient.edit', subject, details: { field } }, now);
        await runHooks(trx, done);
        return { ...r, [field]: next[field] };
      });
    },

    /** Every field at once, as the console's form sends them: the same checks as one field in the bot. */
    async updateRecipient(actorId: number, id: number, entry: RosterEntry): Promise<Recipient> {
      const v = validRecipient(entry);
      await knownCommunity(entry.communityId);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const r = await store.findRecipient(trx, id);
        if (!r) throw new RecipientNotFound();
        await noTwin(trx, v, id);
        const next = { ...r, ...v, communityId: entry.communityId };
        const fields = (['name', 'category', 'phone', 'notes', 'communityId'] as const).filter((f) => r[f] !== next[f]);
        if (fields.length === 0) return r;
        await store.updateRecipient(trx, id, { ...v, communityId: entry.communityId, at: now.toISOString() });
        const subject = `relief_recipient:${id}`;
        await recordAudit(trx, { actorId, action: 'relief.recipient.edit', subject, details: { fields } }, now);
        return { ...next, updatedAt: now.toISOString() };
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
