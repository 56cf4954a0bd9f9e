/** One lint finding: what is wrong, how to fix it, and where (which screen or system) to fix it. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface CertFinding {
  code: string;
  severity: FindingSeverity;
  message: string;
  fix: string;
  whereToFix: string;
  /** The certificate (subject DN) or item the finding is about. */
  subject?: string;
}

export function finding(
  code: string,
  severity: FindingSeverity,
  message: string,
  fix: string,
  whereToFix: string,
  subject?: string,
): CertFinding {
  return subject === undefined ? { code, severity, message, fix, whereToFix } : { code, severity, message, fix, whereToFix, subject };
}
