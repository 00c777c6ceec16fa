export * from './config';
export * from './definitions';
export * from './idle';
export * from './live';
export * from './alerts';
export * from './history';
