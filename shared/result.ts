/**
 * The one result shape that crosses every boundary (IPC, CLI, services that report instead of throw).
 * Only plain data: Electron's structured clone drops everything but `message` from thrown errors.
 */
export interface AppErrorData {
  code: string;
  message: string;
  /** JSON path or field name the error is about, when it is about one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: string, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/**
 * Thrown inside main-process services for expected failures; the dispatcher turns it into `err()`.
 * The message is shown to the user, so it must never contain a secret.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
