/**
 * A tiny structured logger. It writes one JSON line per entry to an injected sink (a file in the
 * data directory in the app, stderr or nothing in the CLI). Every string goes through the redactor
 * first: known secrets registered with it are replaced before anything is written.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(scope: string, message: string, data?: Record<string, unknown>): void;
  info(scope: string, message: string, data?: Record<string, unknown>): void;
  warn(scope: string, message: string, data?: Record<string, unknown>): void;
  error(scope: string, message: string, data?: Record<string, unknown>): void;
}

export interface Redactor {
  /** Registers a secret so that it is masked wherever it would be logged. */
  add(secret: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      // Very short values would mask ordinary words; they are never logged anyway.
      if (secret.length >= 4) secrets.add(secret);
    },
    redact(text) {
      let out = text;
      for (const s of secrets) out = out.split(s).join('[redacted]');
      return out;
    },
  };
}

export function createLogger(write: (line: string) => void, redactor: Redactor, now: () => Date = () => new Date()): Logger {
  const entry = (level: LogLevel) => (scope: string, message: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ t: now().toISOString(), level, scope, message, ...(data ? { data } : {}) });
    write(redactor.redact(line) + '\n');
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
