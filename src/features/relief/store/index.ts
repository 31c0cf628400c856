// The relief tables, read and written as camelCase domain objects: the row→object mapping lives here only.
export * from './month';
export * from './proxies';
export * from './recipients';
export * from './requests';
export * from './roster-page';
export * from './settings';
