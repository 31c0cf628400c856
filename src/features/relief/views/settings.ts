import type { Locale } from '../../../config';
import type { TFunction } from '../../../i18n';
import { grid, markup } from '../../../telegram/markup';
import { SETUP_NEXT } from '../../../telegram/workbench';
import { CB } from '../callbacks';
import { type ReliefPolicy, SETTING_FIELDS, SUPERMARKET_FIELDS } from '../policy';
import type { Holiday, Settings } from '../store';
import { type Card, dateText, hoursText } from './common';

/** The settings staff change in the bot, and the message times that come from configuration. */
export function settingsCard(t: TFunction, locale: Locale, s: Settings, p: ReliefPolicy, year: number): Card {
  return {
    text: t('relief.settings.text', {
      day: s.pickupDay,
      hours: hoursText(s),
      place: locale === 'en' ? s.placeEn : s.placeZh,
      address: (locale === 'en' ? s.addressEn : s.addressZh) || t('relief.settings.noAddress'),
      makeup: s.makeupDays,
      announce: `${p.announceDaysBefore}`,
      announceTime: p.announceTime,
      morning: p.morningTime,
      afternoon: p.afternoonTime,
      evening: p.eveningTime,
      summary: p.summaryTime,
    }),
    markup: markup([
      ...grid(SETTING_FIELDS.map((f) => ({ text: t(`relief.settings.edit.${f}`), data: CB.setField(f) }))),
      [{ text: t('relief.btn.supermarket'), data: CB.supermarket }],
      [{ text: t('relief.btn.holidays'), data: CB.holidays(year) }],
    ]),
  };
}

type SupermarketField = (typeof SUPERMARKET_FIELDS)[number];

const holidayName = (locale: Locale, h: Holiday) => (locale === 'en' ? h.nameEn : h.nameZh);

/** A year of the festival table, a delete button per festival, and the way to add one or turn the year. */
export function holidaysCard(t: TFunction, locale: Locale, year: number, list: Holiday[]): Card {
  const extras = (h: Holiday) => (locale === 'en' ? h.extrasEn : h.extrasZh);
  const lines = list.map((h) => `${dateText(locale, h.date)} ${holidayName(locale, h)} — ${extras(h)}`);
  return {
    // Festival names are staff-typed text: passed as a parameter, so they are escaped.
    text: t('relief.holidays.list', { year, lines: lines.join('\n') || '—' }),
    markup: markup([
      ...list.map((h) => [{ text: `✖ ${h.date} ${holidayName(locale, h)}`, data: CB.holidayDelete(h.id) }]),
      [
        { text: '◀', data: CB.holidays(year - 1) },
        { text: t('relief.btn.holidayAdd'), data: CB.holidayAdd },
        { text: '▶', data: CB.holidays(year + 1) },
      ],
    ]),
  };
}

export function confirmHolidayDelete(t: TFunction, id: number, year: number): Card {
  return {
    text: t('relief.holidays.confirmDelete'),
    markup: markup([
      [
        { text: t('common.confirm'), data: CB.holidayDeleteYes(id) },
        { text: t('common.cancel'), data: CB.holidays(year) },
      ],
    ]),
  };
}

/** What is set now for one question of the supermarket step, in the reader's language. */
function currentValue(t: TFunction, locale: Locale, field: SupermarketField, s: Settings): string {
  if (field === 'place') return locale === 'en' ? s.placeEn : s.placeZh;
  if (field === 'address') return (locale === 'en' ? s.addressEn : s.addressZh) || t('relief.settings.noAddress');
  if (field === 'day') return t('relief.supermarket.dayValue', { day: s.pickupDay });
  return hoursText(s);
}

/** One question of the supermarket step, numbered; what is already set can be kept with a tap. */
export function supermarketQuestion(t: TFunction, locale: Locale, field: SupermarketField, s: Settings): Card {
  const n = SUPERMARKET_FIELDS.indexOf(field) + 1;
  const text = t('relief.supermarket.step', {
    n,
    of: SUPERMARKET_FIELDS.length,
    question: t(`relief.supermarket.ask.${field}`),
  });
  if (!s.setFields.has(field)) return { text };
  const keep = t('relief.supermarket.keep', { value: currentValue(t, locale, field, s) });
  return { text, markup: markup([[{ text: keep, data: CB.supermarketKeep }]]) };
}

/** The supermarket as now set; from the set-up walk-through, with its "next step" button. */
export function supermarketDoneCard(t: TFunction, locale: Locale, s: Settings, setup: boolean): Card {
  const text = t('relief.supermarket.done', {
    place: currentValue(t, locale, 'place', s),
    address: currentValue(t, locale, 'address', s),
    day: currentValue(t, locale, 'day', s),
    hours: hoursText(s),
  });
  const next = setup
    ? { text: t('relief.supermarket.next'), data: SETUP_NEXT }
    : { text: t('relief.btn.settings'), data: CB.settings };
  return { text, markup: markup([[next]]) };
}
