/**
 * The persistence backend seen by the document store: electron-store in the app, `conf` (what
 * electron-store wraps, same file format and atomic writes) in the CLI and tests. Both expose the
 * whole document as `store`, read from disk and written atomically (write to temp + rename).
 */
export interface StoreBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface StoreBackendOptions {
  /** The data directory (injected, never derived from globals). */
  cwd: string;
  /** File name without extension. */
  name: string;
}

/** Constructing throws (SyntaxError) when the file on disk is not valid JSON. */
export type StoreBackendFactory = (options: StoreBackendOptions) => StoreBackend;
