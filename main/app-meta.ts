// A named import: esbuild then bundles only `version`, not all of package.json (scripts, every
// dependency and its pin) into the main process and the CLI.
import { version } from '../package.json';

/** Product name and version, from package.json (bundled at build time). */
export const APP_NAME = 'Landscape Setup';
export const APP_VERSION: string = version;
