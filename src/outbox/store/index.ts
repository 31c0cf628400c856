export * from './budget';
export * from './reading';
export * from './retention';
export * from './sending';
export * from './types';
