// Callback data of the workbench (wb:…): CB builds it, RX parses it strictly.

const KEY = '([a-z][a-z0-9.-]{0,30})';
const PERIOD = '(m\\d{4}-\\d{2}|y\\d{4}|d\\d{4}-\\d{2}-\\d{2})';

export const CB = {
  home: 'wb:home',
  imports: 'wb:im',
  importer: (key: string) => `wb:im:${key}`,
  confirmImport: 'wb:im:go',
  exports: 'wb:ex',
  exporter: (key: string) => `wb:ex:${key}`,
  exportFor: (key: string, period: string) => `wb:ex:${key}:${period}`,
};

export const RX = {
  home: /^wb:home$/,
  imports: /^wb:im$/,
  confirmImport: /^wb:im:go$/,
  // 'go' is the confirmation, never a table
  importer: new RegExp(`^wb:im:(?!go$)${KEY}$`),
  exports: /^wb:ex$/,
  exporter: new RegExp(`^wb:ex:${KEY}$`),
  exportFor: new RegExp(`^wb:ex:${KEY}:${PERIOD}$`),
};
