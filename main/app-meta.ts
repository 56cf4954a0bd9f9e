import pkg from '../package.json';

/** Product name and version, from package.json (bundled at build time). */
export const APP_NAME = 'Landscape Setup';
export const APP_VERSION: string = pkg.version;
