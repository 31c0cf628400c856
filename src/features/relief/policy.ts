import type { Config } from '../../config';
import { InvalidInput } from './errors';
import type { Settings, SettingsPatch } from './store';

/** When the monthly cycle's messages go out, read once from config (STAFF_CHAT_ID: the staff summary's chat). */
export interface ReliefPolicy {
  timezone: string;
  announceDaysBefore: number;
  announceTime: string;
  morningTime: string;
  afternoonTime: string;
  eveningTime: string;
  summaryTime: string;
  staffChatId?: number;
}

export const reliefPolicy = (config: Config): ReliefPolicy => ({
  timezone: config.TIMEZONE,
  announceDaysBefore: config.RELIEF_ANNOUNCE_DAYS_BEFORE,
  announceTime: config.RELIEF_ANNOUNCE_TIME,
  morningTime: config.RELIEF_MORNING_TIME,
  afternoonTime: config.RELIEF_AFTERNOON_TIME,
  eveningTime: config.RELIEF_EVENING_TIME,
  summaryTime: config.RELIEF_SUMMARY_TIME,
  staffChatId: config.STAFF_CHAT_ID,
});

/** A one-time link (staff → recipient, recipient → proxy) is valid this long. */
export const LINK_DAYS = 14;
/** A family can share the errand, but a long list of strangers collecting for one person is a risk. */
export const MAX_PROXIES = 3;
/** People found at the desk by part of a name or phone digits: more than this is a search to narrow. */
export const SEARCH_LIMIT = 20;
/** Roster entries per page in the staff list. */
export const ROSTER_PAGE = 10;

/** Someone not on the roster who asked staff to contact them may ask again after this many days. */
export const INQUIRY_DAYS = 7;
/** Requests on one page of the staff list. */
export const INQUIRY_PAGE = 5;
/** Months offered when staff pick the month of a report: this one and the ones before it. */
export const REPORT_MONTHS = 12;
/** Names of people still to collect on one page of the staff report. */
export const REPORT_NAMES_PAGE = 30;
/** Names in the next-morning staff summary; the report pages the rest (and the CSV has everyone). */
export const SUMMARY_NAMES = 30;

/** What staff set in the bot (the rest of the cycle is configuration). */
export const SETTING_FIELDS = ['day', 'hours', 'place', 'address', 'makeup'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
/** What the charity supermarket's set-up step asks, in order; it is done once each has been set (issue 15). */
export const SUPERMARKET_FIELDS = ['place', 'address', 'day', 'hours'] as const satisfies readonly SettingField[];

/**
 * One setting as staff type it: day "5", hours "09:00-11:30", place "中文名 / English name", address "示范路28号 / 28
 * Shifan Road" ("-" for none), makeup days "3".
 */
export function parseSetting(field: SettingField, value: string): SettingsPatch {
  const v = value.trim();
  if (field === 'day') {
    if (!/^\d{1,2}$/.test(v) || +v < 1 || +v > 28) throw new InvalidInput('Day');
    return { pickupDay: +v };
  }
  if (field === 'makeup') {
    if (!/^\d{1,2}$/.test(v) || +v > 20) throw new InvalidInput('Makeup');
    return { makeupDays: +v };
  }
  if (field === 'hours') {
    const m = v.replace(/[：]/g, ':').match(/^([01]?\d|2[0-3]):([0-5]\d)\s*[-–—~～至到]\s*([01]?\d|2[0-3]):([0-5]\d)$/);
    const hhmm = (h: string, mi: string) => `${h.padStart(2, '0')}:${mi}`;
    if (!m || hhmm(m[1]!, m[2]!) >= hhmm(m[3]!, m[4]!)) throw new InvalidInput('Hours');
    return { hoursFrom: hhmm(m[1]!, m[2]!), hoursTo: hhmm(m[3]!, m[4]!) };
  }
  if (field === 'address' && (v === '-' || v === '－')) return { addressZh: '', addressEn: '' };
  const [zh, en] = v.split(/\s*\/\s*/);
  const what = field === 'address' ? 'Address' : 'Place';
  if (!zh || zh.length > 80 || (en !== undefined && en.length > 80)) throw new InvalidInput(what);
  return field === 'address' ? { addressZh: zh, addressEn: en || zh } : { placeZh: zh, placeEn: en || zh };
}

/** What is set now for one setting, as a patch: "keep it" in the supermarket step. */
export function settingOf(field: SettingField, s: Settings): SettingsPatch {
  if (field === 'day') return { pickupDay: s.pickupDay };
  if (field === 'makeup') return { makeupDays: s.makeupDays };
  if (field === 'hours') return { hoursFrom: s.hoursFrom, hoursTo: s.hoursTo };
  if (field === 'address') return { addressZh: s.addressZh, addressEn: s.addressEn };
  return { placeZh: s.placeZh, placeEn: s.placeEn };
}

/** Whether the supermarket step's answers hold everything it writes. */
export const isComplete = (p: SettingsPatch): boolean =>
  [p.placeZh, p.placeEn, p.addressZh, p.addressEn, p.pickupDay, p.hoursFrom, p.hoursTo].every((v) => v !== undefined);
