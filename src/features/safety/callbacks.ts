// Callback data of this area (em:…): CB builds it, RX parses it strictly.

export const CB = {
  notify: (alertId: number) => `em:n:${alertId}`,
  carryOn: (alertId: number) => `em:go:${alertId}`,
};

export const RX = {
  notify: /^em:n:(\d{1,12})$/,
  carryOn: /^em:go:(\d{1,12})$/,
};
