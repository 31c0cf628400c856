/** A map link for a shared location (Amap works inside China; Telegram's own map needs a location message). */
export const mapUrl = (lat: number, lng: number) =>
  `https://uri.amap.com/marker?position=${lng.toFixed(6)},${lat.toFixed(6)}`;

/** "27.87050, 113.17020", or a dash when the resident shared no location. */
export const coordinates = (p: { latitude: number | null; longitude: number | null }) =>
  p.latitude !== null && p.longitude !== null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : '—';
