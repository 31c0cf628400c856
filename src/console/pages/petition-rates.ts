import { html } from 'hono/html';
import { pct, type Rates } from '../../features/petitions/rates';
import type { StatsPeriod } from '../../features/petitions/service';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps, Translate } from '../context';
import { named } from '../i18n';
import { page } from '../views/layout';
import { field, q, table } from '../views/parts';

/** 'YYYY-MM' or 'YYYY' from the query; this month when absent or malformed. */
function periodOf(asked: string | undefined, thisMonth: StatsPeriod): StatsPeriod {
  if (asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked)) return { kind: 'month', month: asked };
  if (asked && /^\d{4}$/.test(asked)) return { kind: 'year', year: asked };
  return thisMonth;
}

// Each rate in the chat's own words, with what it counts ("2 件中 1 件"): a bare percentage of two cases misleads.
const cases = (t: Translate, n: number, d: number) =>
  d === 0 ? t('petitions.stats.none.cases') : t('petitions.stats.share.cases', { pct: pct(n / d), n, d });
const people = (t: Translate, n: number, d: number) =>
  d === 0 ? t('petitions.stats.none.people') : t('petitions.stats.share.people', { pct: pct(n / d), n, d });

const row = (t: Translate, name: string, r: Rates) => [
  name,
  r.filed,
  cases(t, r.ackedInTime, r.ackDue),
  cases(t, r.resolved, r.answerDue),
  people(t, r.satisfied, r.rated),
];

/**
 * The three rates (acknowledged on time, answered on time, solved with satisfaction) per deputy and per community,
 * for a month or a year: the figures /petitionstats gives in the chat, from the same service. Staff only.
 */
export function petitionRatesPage(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  app.get('/petitions/rates', need(platform.identity, 'staff'), async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const period = periodOf(q(c, 'period'), services.petitions.thisMonth());
    const label = period.kind === 'month' ? period.month : period.year;
    const all = await services.petitions.ratesBy(period);
    const headers = ['name', 'filed', 'ack', 'answer', 'satisfied'].map((h) => t(`console.petitions.rates.col.${h}`));
    const deputies = all.deputies.map((d) => row(t, d.name, d.rates));
    const communities = all.communities.map((x) =>
      row(t, x.communityId === null ? t('console.petitions.rates.noCommunity') : named(locale, x), x.rates),
    );
    return page(
      c,
      t('console.petitions.rates.title', { period: label }),
      html`<form method="get" action="/petitions/rates" class="filters">
${field('period', t('console.petitions.rates.period'), label, { pattern: '\\d{4}(-\\d{2})?', placeholder: '2026-03' })}
<button type="submit">${t('console.filter')}</button></form>
<section class="card"><h2>${t('console.petitions.rates.overall')}</h2>
${table(headers, [row(t, t('console.all'), all.overall)], '')}</section>
<section class="card" id="by-deputy"><h2>${t('console.petitions.rates.byDeputy')}</h2>
${table(headers, deputies, t('console.petitions.rates.noDeputies'))}</section>
<section class="card" id="by-community"><h2>${t('console.petitions.rates.byCommunity')}</h2>
${table(headers, communities, t('console.petitions.none'))}</section>
<p><a href="/petitions">${t('console.back')}</a></p>`,
    );
  });
}
