// How every chart looks: phone-sized, large type, and colours that colour-blind readers tell apart.

/**
 * Okabe & Ito's palette (Color Universal Design), distinguishable with every common colour-vision deficiency;
 * in the order charts use it. Black is left out (it is the text colour).
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#999999'];

export const INK = '#1f1f1f';
export const MUTED = '#5c5c5c';
export const RULE = '#d9d9d9';
export const PAPER = '#ffffff';

/**
 * Layout in CSS pixels: 540 wide fills a phone screen in a chat. The PNG is drawn at 1.5 times that, 810 px: about
 * one pixel per screen pixel for a photo in a chat on a phone, and 13-px labels 20 px high. At 1080 px the raster
 * and PNG encoding took about 1.8 times as long and held 1.8 times the memory (`npm run bench -- charts`).
 */
export const SIZE = { width: 540, scale: 1.5, pad: 20 } as const;

export const FONT = { title: 22, subtitle: 14, label: 15, small: 13, figure: 26 } as const;

/** What every option starts from: no animation (nothing is animated on a server), the font, the palette. */
export const base = () => ({
  animation: false,
  backgroundColor: PAPER,
  color: PALETTE,
  textStyle: { fontFamily: 'Noto Sans SC', color: INK, fontSize: FONT.label },
});

/** A chart's title block: the title and a line under it (the period, the unit, where the numbers come from). */
export const title = (text: string, subtext = '') => ({
  text,
  subtext,
  left: SIZE.pad,
  top: SIZE.pad,
  textStyle: { fontSize: FONT.title, fontWeight: 'bold' as const, color: INK },
  subtextStyle: { fontSize: FONT.subtitle, color: MUTED },
  itemGap: 8,
});
