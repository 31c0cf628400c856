// The partners area's tables: the directory, volunteer teams and their members, shifts and hours.
export * from './credits';
export * from './partners';
export * from './shifts';
export * from './teams';
