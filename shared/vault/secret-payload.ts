/**
 * Checks a secret payload before it is stored: the kind's required field is present, every value
 * is a non-empty string, and the whole payload stays within the 64 KiB the vault promises.
 */
import { MAX_SECRET_BYTES, REQUIRED_SECRET_FIELD, type CredentialKind, type SecretPayload } from './credential-kinds';

export interface FieldProblem {
  field: string;
  message: string;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function checkSecretPayload(kind: CredentialKind, payload: SecretPayload): FieldProblem | undefined {
  const entries = Object.entries(payload ?? {});
  if (entries.length === 0) return { field: 'secret', message: 'The secret is empty.' };
  for (const [name, value] of entries) {
    if (typeof value !== 'string') return { field: `secret.${name}`, message: `The secret’s ${name} must be text.` };
  }
  const required = REQUIRED_SECRET_FIELD[kind];
  if (required && !payload[required]) {
    return { field: `secret.${required}`, message: `This credential needs its ${required === 'privateKeyPem' ? 'private key' : required === 'clientSecret' ? 'client secret' : required}.` };
  }
  const size = utf8Length(JSON.stringify(payload));
  if (size > MAX_SECRET_BYTES) {
    return { field: 'secret', message: `The secret is ${size} bytes; the vault holds at most ${MAX_SECRET_BYTES} bytes (64 KiB).` };
  }
  return undefined;
}

/** The secret values worth guarding (very short values would match ordinary words). */
export function secretValuesOf(payload: SecretPayload): string[] {
  return Object.values(payload).filter((v) => typeof v === 'string' && v.length >= 4);
}

/** True when a public text (metadata, a label) contains one of the secret values (8+ characters: shorter ones would match hex fingerprints by chance). */
export function leaksSecret(publicText: string, payload: SecretPayload): boolean {
  return secretValuesOf(payload).some((v) => v.length >= 8 && publicText.includes(v));
}
