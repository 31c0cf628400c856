import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../src/core/clock';
import { listAudit } from '../src/identity';
import { createSettings, defineSetting } from '../src/settings';
import { freshDb } from './support/db';

const name = defineSetting('deployment.name', z.string().min(1).max(40), () => '月塘街道');

describe('deployment settings', () => {
  it('hold their fallback until set; a set value is audited, seen at once and after a restart', async () => {
    const h = await freshDb();
    const s = createSettings(h.db, new ManualClock('2026-12-04T00:00:00Z'));
    await s.load();
    expect(s.get(name)).toBe('月塘街道');
    expect(s.isSet(name)).toBe(false);
    const seen: string[] = [];
    s.onChange((k) => seen.push(k));
    await s.set(7, name, '荷塘街道');
    expect(s.get(name)).toBe('荷塘街道');
    expect(seen).toEqual(['deployment.name']);
    expect((await listAudit(h.db, { action: 'settings.set' }))[0]).toMatchObject({
      actorId: 7,
      subject: 'deployment.name',
    });
    const again = createSettings(h.db, new ManualClock());
    await again.load();
    expect(again.get(name)).toBe('荷塘街道');
    await expect(s.set(7, name, '')).rejects.toThrow();
    await h.close();
  });
});
