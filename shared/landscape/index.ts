/** The landscape model: one import for consumers. */
export * from './vocabulary';
export * from './vocabulary-schemas';
export * from './system-kinds';
export * from './landscape-schema';
export * from './protocols';
export * from './maintained-at';
export * from './templates';
export * from './rules';
export * from './rules-security';
export * from './pathway-view';
export * from './patch-schemas';
export * from './landscape-file';
export * from './handover';
