import { html } from 'hono/html';
import type { Locale } from '../../config';
import { displayName } from '../../core/names';
import type { BroadcastSummary } from '../../features/notices/service';
import { statusOf } from '../../features/notices/status';
import { paramText, snippet, when } from '../../features/notices/views';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps, Translate } from '../context';
import { consolePolicy } from '../policy';
import { page } from '../views/layout';
import { figure, int, pager, q, table } from '../views/parts';

/**
 * What became of each recipient, from the counters the outbox keeps on the broadcast's row (issue 20): sent; blocked
 * the bot (unreachable); refused by Telegram or given up after retries, a chat that no longer exists included
 * (failed); not yet sent; and not sent because it was stopped.
 */
const FIGURES = ['sent', 'unreachable', 'failed', 'left', 'stopped'] as const;

/** The history of broadcasts, newest first, and each one's full text: what staff check after sending a notice. */
export function broadcastsPages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, clock, config, i18n } = platform;
  const { notices } = services;
  const staff = need(identity, 'staff');

  /** Who sent each, and each audience in the reader's language (a place by its name there). */
  async function described(items: BroadcastSummary[], locale: Locale) {
    const senders = await identity.users([...new Set(items.map((i) => i.broadcast.createdBy))]);
    const name = new Map(senders.map((u) => [u.id, displayName(u)]));
    const tr = i18n.getFixedT(locale);
    return Promise.all(
      items.map(async (i) => ({
        ...i,
        by: name.get(i.broadcast.createdBy) ?? '—',
        audience: paramText(tr, locale, await notices.describe(i.broadcast.audience)),
      })),
    );
  }
  const status = (t: Translate, s: BroadcastSummary) => t(`notices.status.${statusOf(s.broadcast, clock.now())}`);

  app.get('/broadcasts', staff, async (c) => {
    const t = c.get('t');
    const list = await notices.list(int(q(c, 'page')) ?? 0, consolePolicy.pageSize);
    const items = await described(list.items, c.get('locale'));
    const headers = ['id', 'when', 'by', 'audience', 'text', 'status', 'recipients', ...FIGURES].map((h) =>
      t(`console.broadcasts.col.${h}`),
    );
    const rows = items.map((i) => {
      const b = i.broadcast;
      return [
        html`<a href="/broadcasts/${b.id}">#${b.id}</a>`,
        when(b.sendAt, config.TIMEZONE),
        i.by,
        i.audience,
        snippet(b.text, b.photo !== null),
        status(t, i),
        String(b.recipients),
        ...FIGURES.map((f) => String(i.counts[f])),
      ];
    });
    return page(
      c,
      t('console.broadcasts.title'),
      html`${table(headers, rows, t('console.broadcasts.none'))}${pager(c, list.page, list.pages, list.total)}`,
    );
  });

  app.get('/broadcasts/:id', staff, async (c) => {
    const t = c.get('t');
    const id = int(c.req.param('id'));
    const found = id === undefined ? undefined : await notices.summary(id);
    if (!found) return c.notFound();
    const [i] = await described([found], c.get('locale'));
    const b = i!.broadcast;
    const stoppedBy = b.stoppedBy === null ? undefined : await identity.user(b.stoppedBy);
    // Written by staff, shown as written: every line as text (the page escapes it), formatting marks left out.
    const lines = b.text.split('\n').map((line) => html`${line}<br>`);
    return page(
      c,
      t('console.broadcasts.one', { id: b.id }),
      html`<section class="card"><div>
<p>${when(b.sendAt, config.TIMEZONE)} · ${i!.by} · ${i!.audience} · ${status(t, i!)}</p>
${b.photo ? html`<p class="muted">${t('console.broadcasts.withPhoto')}</p>` : ''}
<div class="broadcast-text">${lines}</div>
${
  b.stoppedAt
    ? html`<p class="muted">${t('console.broadcasts.stopped', {
        who: stoppedBy ? displayName(stoppedBy) : '—',
        when: when(b.stoppedAt, config.TIMEZONE),
      })}</p>`
    : ''
}
</div></section>
<section class="card"><div class="figures">
${figure(t('console.broadcasts.col.recipients'), b.recipients)}
${FIGURES.map((f) => figure(t(`console.broadcasts.col.${f}`), i!.counts[f]))}
</div></section>
<p><a href="/broadcasts">${t('console.back')}</a></p>`,
    );
  });
}
