export * from './audiences';
export * from './broadcasts';
