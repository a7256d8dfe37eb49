export * from './simulate';
export * from './stats';
