import { localDate, localTime } from '../../core/time';

// Months of the pickup cycle are 'YYYY-MM', dates 'YYYY-MM-DD', both in config.TIMEZONE.

export const monthOf = (date: string): string => date.slice(0, 7);

/** The month the deployment's wall clock shows at `now`. */
export const monthAt = (now: Date, tz: string): string => monthOf(localDate(now, tz));

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** The pickup day of a month (the day is at most 28, so every month has it). */
export const pickupDateOf = (month: string, day: number): string => `${month}-${String(day).padStart(2, '0')}`;

/** "2025-06-05 09:12" in the deployment's time zone: what staff and residents read of a pickup. */
export const localStamp = (iso: string, tz: string): string =>
  `${localDate(new Date(iso), tz)} ${localTime(new Date(iso), tz)}`;
