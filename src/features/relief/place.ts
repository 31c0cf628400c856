import type { Bilingual } from '../../core/names';
import type { Settings } from './store';

/**
 * Where the pickup is, as one line in each language: the place's name and, when staff set one, its address —
 * "IGO慈善超市（示范路28号）" / "IGO Charity Supermarket (28 Shifan Road)".
 */
export function placeLine(s: Pick<Settings, 'placeZh' | 'placeEn' | 'addressZh' | 'addressEn'>): Bilingual {
  return {
    'zh-CN': s.addressZh ? `${s.placeZh}（${s.addressZh}）` : s.placeZh,
    en: s.addressEn ? `${s.placeEn} (${s.addressEn})` : s.placeEn,
  };
}
