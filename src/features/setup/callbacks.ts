// Callback data of the set-up (su:…): CB builds it, RX parses it strictly.

import { SETUP_NEXT } from '../../telegram/workbench';

const KEY = '([a-z][a-zA-Z0-9._-]{0,39})';

export const CB = {
  next: SETUP_NEXT,
  menu: 'su:menu',
  step: (key: string) => `su:st:${key}`,
  skip: (key: string) => `su:sk:${key}`,
  open: 'su:open',
  /** The button of the message that tells those who waited that the service is ready: their greeting. */
  hello: 'su:hello',
};

export const RX = {
  next: new RegExp(`^${SETUP_NEXT}$`),
  menu: /^su:menu$/,
  step: new RegExp(`^su:st:${KEY}$`),
  skip: new RegExp(`^su:sk:${KEY}$`),
  open: /^su:open$/,
  hello: /^su:hello$/,
};
