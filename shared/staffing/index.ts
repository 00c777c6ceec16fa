export * from './config';
export * from './erlang';
export * from './pattern';
export * from './known';
export * from './simulate';
export * from './summary';
export * from './analyse';
export { rngFor } from './rng';
export { addDays, localMinuteOfDay, weekdayOf } from './time';
