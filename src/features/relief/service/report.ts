import { toCsv } from '../../../core/csv';
import { displayName } from '../../../core/names';
import { type Sheet, writeCsv } from '../../../core/sheets';
import { localDate } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import { recordAudit } from '../../../identity';
import { localStamp, monthAt } from '../months';
import type { Recipient } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';
import { pickupDate } from './settings';

export interface MonthReport {
  month: string;
  /** Everyone expected: the active roster plus anyone since deactivated who collected this month. */
  total: number;
  collectedSelf: number;
  collectedByProxy: number;
  notCollected: Recipient[];
  festivalExtras: number;
  promisedLater: number;
  /** Those of notCollected who said they will come during the make-up days. */
  laterIds: ReadonlySet<number>;
  /** The month's pickup day, and whether it is still ahead (then nobody is missing yet). */
  pickupDate: string;
  beforeDay: boolean;
}

/** The month's numbers for staff, the office files and the community report. */
export function reportService({ db, clock, identity, policy }: ReliefDeps) {
  async function monthReport(month: string): Promise<MonthReport> {
    const pickups = await store.pickupsOfMonth(db, month);
    const done = new Set(pickups.map((p) => p.recipientId));
    const active = await store.listRecipients(db, true);
    const activeIds = new Set(active.map((r) => r.id));
    const later = new Set(await store.laterOfMonth(db, month));
    const notCollected = active.filter((r) => !done.has(r.id));
    const day = pickupDate(month, await store.getSettings(db));
    return {
      month,
      total: active.length + pickups.filter((p) => !activeIds.has(p.recipientId)).length,
      collectedSelf: pickups.filter((p) => p.proxyName === null).length,
      collectedByProxy: pickups.filter((p) => p.proxyName !== null).length,
      notCollected,
      festivalExtras: pickups.filter((p) => p.festivalExtras).length,
      promisedLater: notCollected.filter((r) => later.has(r.id)).length,
      laterIds: later,
      pickupDate: day,
      beforeDay: localDate(clock.now(), policy.timezone) < day,
    };
  }

  /** One row per person: the month's record for the office files, in the language of whoever asked (`t`). */
  async function monthSheet(month: string, t: TFunction): Promise<Sheet> {
    const pickups = await store.pickupsOfMonth(db, month);
    const byRecipient = new Map(pickups.map((p) => [p.recipientId, p]));
    const staff = new Map(
      (await identity.users([...new Set(pickups.map((p) => p.staffId))])).map((u) => [u.id, displayName(u)]),
    );
    const header = ['id', 'name', 'category', 'status', 'collectedAt', 'proxy', 'staff', 'festivalExtras'];
    const rows: (string | number)[][] = [];
    for (const r of await store.listRecipients(db)) {
      const p = byRecipient.get(r.id);
      if (!p && !r.active) continue;
      const status = !p ? 'notCollected' : p.proxyName === null ? 'collected' : 'collectedByProxy';
      rows.push([
        r.id,
        r.name,
        t(`relief.category.${r.category}`),
        t(`relief.csv.${status}`),
        p ? localStamp(p.collectedAt, policy.timezone) : '',
        p?.proxyName ?? '',
        p ? (staff.get(p.staffId) ?? '') : '',
        p ? t(p.festivalExtras ? 'relief.csv.yes' : 'relief.csv.no') : '',
      ]);
    }
    const name = t('relief.file.monthSheet', { month });
    return { name, header: header.map((h) => t(`relief.csv.${h}`)), rows };
  }

  return {
    monthReport,

    /** What the community report counts of a month (the console's relief page). */
    async monthFigures(month: string) {
      const r = await monthReport(month);
      return { expected: r.total, collected: r.collectedSelf + r.collectedByProxy, festivalExtras: r.festivalExtras };
    },

    /**
     * The same figures for several months in two reads (ReportSources.reliefMonths in fund/report.ts): only the
     * months anyone collected in, as the roster of a month nobody collected in was not kept here.
     */
    async monthsFigures(months: readonly string[]) {
      const counts = await store.monthCounts(db, months);
      const active = counts.length ? await store.activeCount(db) : 0;
      return new Map(
        counts.map((c) => [
          c.month,
          { expected: active + c.offRoster, collected: c.collected, festivalExtras: c.festivalExtras },
        ]),
      );
    },

    /** The staff panel's numbers: the roster, and this month so far. */
    async overview() {
      const all = await store.listRecipients(db);
      const month = monthAt(clock.now(), policy.timezone);
      const r = await monthReport(month);
      return {
        total: all.length,
        active: all.filter((x) => x.active).length,
        linked: all.filter((x) => x.userId !== null).length,
        month,
        collected: r.collectedSelf + r.collectedByProxy,
        expected: r.total,
      };
    },

    monthSheet,

    /** The month's sheet as CSV for Excel (the command line). */
    async monthReportCsv(month: string, t: TFunction): Promise<string> {
      const sheet = await monthSheet(month, t);
      return toCsv([sheet.header, ...sheet.rows], { bom: true });
    },

    /** The same for staff from the report's button, recorded as the workbench records its exports. */
    async monthReportFile(actorId: number, month: string, t: TFunction): Promise<Buffer> {
      const sheet = await monthSheet(month, t);
      const details = { period: { kind: 'month', month } };
      await recordAudit(db, { actorId, action: 'export', subject: 'relief-month', details }, clock.now());
      return writeCsv(sheet);
    },
  };
}
