import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html } from 'hono/html';
import { readTable, SheetError, type Table, writeXlsx } from '../../core/sheets';
import { MINUTE_MS } from '../../core/time';
import { UnknownTable } from '../../features/workbench/errors';
import { need, Refused } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps, ConsoleEnv } from '../context';
import { consolePolicy } from '../policy';
import { page } from '../views/layout';
import { csrfField, notice, table } from '../views/parts';

/** A checked upload waiting for its confirmation: only its uploader may apply it, within ten minutes. */
interface Pending {
  userId: number;
  key: string;
  fileName: string;
  rows: Table;
  at: number;
}

/**
 * Imports and exports: the very Importers and Exporters the chat workbench offers this person (the relief roster,
 * places, …). An upload is checked in full and shown row by row; nothing is written until it is confirmed.
 */
export function filesPages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, clock, i18n } = platform;
  const { workbench } = services;
  const pending = new Map<string, Pending>();
  const staff = need(identity, 'staff', 'deputy');
  /** The importer or exporter of that key if this person may use it; another's (a forged address) is refused. */
  async function allowed<T>(c: Context<ConsoleEnv>, find: () => T): Promise<T> {
    try {
      return find();
    } catch (err) {
      if (!(err instanceof UnknownTable)) throw err;
      await identity.denied(c.get('viewer')!.user.id, `console:${c.req.method} ${c.req.path} (not theirs)`);
      throw new Refused(403, 'role');
    }
  }
  const sweep = () => {
    for (const [k, p] of pending) if (clock.now().getTime() - p.at > 10 * MINUTE_MS) pending.delete(k);
  };

  app.get('/files', staff, async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const imports = workbench.importers(v.roles).map(
      (i) => html`<form method="post" action="/files/import/${i.key}" enctype="multipart/form-data" class="card">
${csrfField(v)}<h2>${t('console.files.import', { what: t(i.labelKey) })}</h2>
<p class="hint">${t(i.columnsKey).replace(/<[^>]+>/g, '')}</p>
<input type="file" name="file" accept=".xlsx,.csv" required>
<button type="submit">${t('console.files.check')}</button></form>`,
    );
    const offered = await Promise.all(workbench.exporters(v.roles).map((e) => workbench.periodsOf(e)));
    const exports = workbench.exporters(v.roles).map((e, i) => {
      const periods = offered[i]!;
      return html`<form method="get" action="/files/export/${e.key}" class="card"><h2>${t('console.files.export', {
        what: t(e.labelKey),
      })}</h2>${
        periods.length
          ? html`<select name="period">${periods.map(
              (p) => html`<option value="${JSON.stringify(p.period)}">${p.label[c.get('locale')]}</option>`,
            )}</select>`
          : ''
      }<button type="submit">${t('console.files.download')}</button></form>`;
    });
    return page(c, t('console.files.title'), html`${imports}${exports}`);
  });

  app.post('/files/import/:key', staff, async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const importer = await allowed(c, () => workbench.importer(v.roles, c.req.param('key')));
    const body = await c.req.parseBody();
    const file = body.file;
    const back = html`<p><a href="/files">${t('console.back')}</a></p>`;
    if (!(file instanceof File) || file.size === 0 || file.size > consolePolicy.maxUploadBytes)
      return page(c, t('console.files.title'), html`${notice('error', t('console.files.badFile'))}${back}`, {
        status: 400,
      });
    let rows: Table;
    try {
      rows = await readTable(Buffer.from(await file.arrayBuffer()));
    } catch (err) {
      if (!(err instanceof SheetError)) throw err;
      return page(c, t('console.files.title'), html`${notice('error', t('console.files.badFile'))}${back}`, {
        status: 400,
      });
    }
    // The area's own row checks, in the reader's language (the same as the chat's).
    const check = await importer.check(rows, i18n.getFixedT(c.get('locale')));
    const problems = new Map<number, string[]>();
    for (const p of check.problems) problems.set(p.row, [...(problems.get(p.row) ?? []), p.message]);
    const preview = table(
      [t('console.files.row'), ...(rows[0] ?? []), t('console.files.problems')],
      rows.slice(1, 1 + consolePolicy.pageSize * 4).map((r, i) => {
        const ps = problems.get(i + 2);
        return [String(i + 2), ...r, ps ? html`<span class="problem">${ps.join('; ')}</span>` : '✓'];
      }),
      t('console.files.empty'),
    );
    const header = problems.get(1);
    if (check.problems.length > 0) {
      return page(
        c,
        t('console.files.title'),
        html`${notice('error', t('console.files.rejected', { count: check.problems.length }))}
${header ? notice('error', header.join('; ')) : ''}${preview}${back}`,
        { status: 422 },
      );
    }
    sweep();
    const token = randomBytes(18).toString('base64url');
    pending.set(token, { userId: v.user.id, key: importer.key, fileName: file.name, rows, at: clock.now().getTime() });
    return page(
      c,
      t('console.files.title'),
      html`${notice('info', t('console.files.ready', { add: check.add, update: check.update }))}${preview}
<form method="post" action="/files/confirm" class="inline">${csrfField(v)}
<input type="hidden" name="token" value="${token}">
<button type="submit" class="primary">${t('console.files.confirm')}</button></form>${back}`,
    );
  });

  app.post('/files/confirm', staff, async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const body = await c.req.parseBody();
    sweep();
    const token = typeof body.token === 'string' ? body.token : '';
    const p = pending.get(token);
    if (!p || p.userId !== v.user.id)
      return page(c, t('console.files.title'), notice('error', t('console.files.expired')), { status: 410 });
    pending.delete(token);
    const importer = workbench.importer(v.roles, p.key);
    const r = await workbench.applyImport(v.user, importer, p.rows, p.fileName);
    return page(
      c,
      t('console.files.title'),
      html`${notice('ok', t('console.files.applied', r))}
<p><a href="/files">${t('console.back')}</a></p>`,
    );
  });

  app.get('/files/export/:key', staff, async (c) => {
    const v = c.get('viewer')!;
    const exporter = await allowed(c, () => workbench.exporter(v.roles, c.req.param('key')));
    let period = null;
    if (exporter.period) {
      const offered = (await workbench.periodsOf(exporter)).map((p) => p.period);
      const asked = c.req.query('period');
      period = offered.find((p) => JSON.stringify(p) === asked) ?? offered[0] ?? null;
    }
    const sheets = await workbench.runExport(v.user, exporter, i18n.getFixedT(c.get('locale')), period);
    const bytes = await writeXlsx(sheets);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${exporter.fileName(period)}.xlsx"`,
    });
  });
}
