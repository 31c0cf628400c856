// Texts and cards of the petitions area, built from domain objects: no database, no grammY.
export * from './cards';
export * from './content';
export * from './filing';
export * from './handling';
export * from './meeting';
export * from './reader';
export * from './staff';
