/** Broadcasts are written by staff when they are needed: the demo deployment starts with none. */
export const noticesDemo = async (): Promise<string> => 'notices: no demo data (staff write them with /broadcast)';
