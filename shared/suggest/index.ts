/** Step 3 (营销推荐): catalogue, campaigns, config and the pure ranking engine. */
export * from './campaigns';
export * from './catalogue';
export * from './catalogue-data';
export * from './config';
export * from './rank';
export * from './text';
