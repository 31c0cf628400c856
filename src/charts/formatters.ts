import type { Locale } from '../config';
import { tick } from './numbers';

// A chart is declared as data, because it is drawn on another thread and functions do not cross to it (structured
// clone). Where ECharts wants a formatter function, the option holds a named one here, made a function again just
// before the chart is drawn.

const KEY = '$format';

type Named = { [KEY]: 'text'; text: string } | { [KEY]: 'tick'; locale: Locale };

/** A label drawn exactly as written (a string formatter would read '{b}' and '{a|…}' in it as templates). */
export const asIs = (text: string): Named => ({ [KEY]: 'text', text });

/** Axis ticks in the reader's way: '2万' / '20k'. */
export const tickIn = (locale: Locale): Named => ({ [KEY]: 'tick', locale });

function toFunction(f: Named) {
  switch (f[KEY]) {
    case 'text': {
      const { text } = f;
      return () => text;
    }
    case 'tick': {
      const { locale } = f;
      return (v: number) => tick(v, locale);
    }
  }
}

/** The option with each named formatter made a function (a copy: the spec itself stays data). */
export function withFormatters<T>(option: T): T {
  if (Array.isArray(option)) return option.map(withFormatters) as T;
  if (option === null || typeof option !== 'object') return option;
  if (KEY in option) return toFunction(option as unknown as Named) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(option)) out[k] = withFormatters(v);
  return out as T;
}
