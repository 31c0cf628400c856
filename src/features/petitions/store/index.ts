// Kysely queries of the petitions area: each takes db or a transaction first and returns domain objects.
export * from './alerts';
export * from './candidates';
export * from './catalogue';
export * from './deputies';
export * from './followers';
export * from './month-tallies';
export * from './petitions';
export * from './rows';
export * from './stats';
