/**
 * The persistence backend seen by the document store: file-backend.ts in the app, the CLI and the
 * tests. It exposes the whole document as `store`, read from disk and written atomically (temp +
 * fsync + rename). The document store holds the cross-process lock around read-modify-write.
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
