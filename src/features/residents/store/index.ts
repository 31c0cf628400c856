// The residents area's queries: places (communities and compounds) and finding people.
export * from './homes';
export * from './people';
export * from './places';
