import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Audience, audienceCode, categoryOf, parseAudience } from '../../../src/features/notices/audience';
import { keepEntities } from '../../../src/features/notices/draft';
import { AlreadyConfirmed, NoRecipients, UnknownAudience } from '../../../src/features/notices/errors';
import { listAudit } from '../../../src/identity';
import { create, draft, noticesWorld, rowsOf, type World } from './world';

let w: World;
beforeEach(async () => {
  w = await noticesWorld();
});
afterEach(() => w.h.close());

describe('audiences', () => {
  it('a notice to everyone reaches every user except those who turned general notices off', async () => {
    expect(await w.notices.recipientsOf({ kind: 'all' })).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
  });

  it('a notice to one compound reaches only its residents; to a community, all of its compounds', async () => {
    const a = w.compounds[0]!;
    expect(await w.notices.recipientsOf({ kind: 'compound', id: a.id })).toEqual([1, 2]);
    expect(await w.notices.recipientsOf({ kind: 'community', id: a.communityId })).toEqual([1, 2, 3]);
  });

  it('a message to staff reaches staff and admins even if they turned general notices off', async () => {
    expect(await w.notices.recipientsOf({ kind: 'role', role: 'staff' })).toEqual([100, 101]);
    expect(await w.notices.recipientsOf({ kind: 'role', role: 'deputy' })).toEqual([102]);
    expect(await w.notices.recipientsOf({ kind: 'role', role: 'partner' })).toEqual([103]);
  });

  it(
    "another area's audience is used as that area names it, once each, " +
      'and opt-out does not apply (it is about their own booking)',
    async () => {
      w.areas['market.booked'] = { labelKey: 'notices.audience.all', userIds: async () => [5, 2, 5] };
      expect(await w.notices.recipientsOf({ kind: 'area', key: 'market.booked' })).toEqual([2, 5]);
      expect(categoryOf({ kind: 'area', key: 'market.booked' })).toBe('personal');
      await expect(w.notices.recipientsOf({ kind: 'area', key: 'relief.recipients' })).rejects.toBeInstanceOf(
        UnknownAudience,
      );
    },
  );

  it('the preview counts who blocked the bot and who opted out', async () => {
    const s = await w.notices.summarize({ kind: 'all' });
    expect(s).toEqual({ recipients: 8, unreachable: 1, optedOut: 2 });
  });

  it('a compound that does not exist is refused', async () => {
    await expect(w.notices.recipientsOf({ kind: 'compound', id: 999 })).rejects.toBeInstanceOf(UnknownAudience);
  });

  it('audience codes read back to the same audience and nothing else parses', () => {
    for (const a of [
      { kind: 'all' },
      { kind: 'community', id: 3 },
      { kind: 'compound', id: 7 },
      { kind: 'role', role: 'deputy' },
      { kind: 'area', key: 'relief.recipients' },
    ] satisfies Audience[]) {
      expect(parseAudience(audienceCode(a))).toEqual(a);
    }
    for (const bad of ['', 'everyone', 'role:admin', 'compound:x', 'x:../../etc', 'community:1 or 1=1'])
      expect(parseAudience(bad)).toBeNull();
  });
});

describe('confirming a broadcast', () => {
  it(
    'writes one outbox row per recipient with its own dedupe key, ' + 'the staff text as written, and an audit entry',
    async () => {
      const d = draft();
      const r = await create(w, d, { kind: 'all' }, { progressMessageId: 55 });
      expect(r.recipients).toBe(8);
      const rows = await rowsOf(w, r.id);
      expect(rows.map((x) => x.userId)).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
      expect(rows.map((x) => x.dedupeKey)).toEqual(rows.map((x) => `notice:${r.id}:${x.userId}`));
      expect(rows.every((x) => x.chatId === x.userId && x.category === 'notice' && x.state === 'queued')).toBe(true);
      expect(rows[0]!.content).toEqual({ text: d.text, entities: d.entities });
      const b = await w.notices.broadcast(r.id);
      expect(b).toMatchObject({
        createdBy: 100,
        audience: 'all',
        recipients: 8,
        state: 'active',
        progressMessageId: 55,
      });
      const [audit] = await listAudit(w.h.db, { action: 'notices.broadcast.create' });
      expect(audit).toMatchObject({ actorId: 100, subject: `broadcast:${r.id}` });
      expect(JSON.parse(audit!.details)).toMatchObject({
        audience: 'all',
        recipients: 8,
        text: d.text,
        scheduled: false,
      });
    },
  );

  it('a photo notice keeps the photo and its caption formatting', async () => {
    const d = draft('照片说明', { photo: 'FILE123' });
    const r = await create(w, d, { kind: 'role', role: 'deputy' });
    const [row] = await rowsOf(w, r.id);
    expect(row!.category).toBe('staff');
    expect(row!.content).toEqual({ text: '照片说明', entities: d.entities, photo: 'FILE123' });
  });

  it('the same preview confirmed twice is sent only once', async () => {
    const d = draft();
    const r = await create(w, d, { kind: 'all' });
    await expect(create(w, d, { kind: 'all' })).rejects.toBeInstanceOf(AlreadyConfirmed);
    expect((await w.platform.outbox.counts()).queued).toBe(8);
    expect(await listAudit(w.h.db, { action: 'notices.broadcast.create' })).toHaveLength(1);
    expect(r.id).toBe(1);
  });

  it('an audience with nobody in it is refused and writes nothing', async () => {
    const empty = w.compounds.at(-1)!;
    await expect(create(w, draft(), { kind: 'compound', id: empty.id })).rejects.toBeInstanceOf(NoRecipients);
    expect(await w.notices.broadcast(1)).toBeUndefined();
    expect((await w.platform.outbox.counts()).queued).toBe(0);
  });

  it('formatting that only works in the staff chat (mentions of users, custom emoji) is dropped, the rest kept', () => {
    expect(
      keepEntities([
        { type: 'bold', offset: 0, length: 2 },
        { type: 'text_link', offset: 3, length: 2, url: 'https://example.org' },
        { type: 'text_mention', offset: 6, length: 2 },
        { type: 'custom_emoji', offset: 9, length: 2, custom_emoji_id: '1' },
      ]),
    ).toEqual([
      { type: 'bold', offset: 0, length: 2 },
      { type: 'text_link', offset: 3, length: 2, url: 'https://example.org' },
    ]);
  });
});
