// Texts and cards built from domain objects: no database, no grammY. Resident text only ever enters through t()
// parameters, which i18next escapes for HTML.
export * from './handoffs';
export * from './labels';
export * from './office-hours';
export * from './resident';
export * from './staff';
