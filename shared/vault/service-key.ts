/**
 * Reads an SAP BTP service key (Process Integration Runtime: integration-flow or api plan) as
 * copied from the cockpit, with or without the `oauth` wrapper. Pure: certificates are only
 * checked for their PEM shape here; main parses them. Errors name the exact field, never a value.
 */
import { AppError } from '../result';

export type ServiceKeyType = 'clientid-secret' | 'certificate' | 'external-certificate';
export type ServiceKeyPlan = 'integration-flow' | 'api' | 'unknown';

export interface CertificateDetails {
  issuerdn?: string;
  subjectdn?: string;
  serialnumber?: string;
  validuntil?: string;
}

export interface ParsedServiceKey {
  type: ServiceKeyType;
  plan: ServiceKeyPlan;
  wrapped: boolean;
  clientId: string;
  url: string;
  tokenUrl: string;
  clientSecret?: string;
  certificatePem?: string;
  privateKeyPem?: string;
  certificateDetails?: CertificateDetails;
}

const fail = (field: string, message: string): never => {
  throw new AppError('SERVICE_KEY_INVALID', `${field}: ${message}`, field);
};

/** Service keys carry PEM with `\n` escapes; a double-escaped copy leaves them literal. */
export function normalizePem(text: string): string {
  return text.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n/g, '\n').trim() + '\n';
}

export function detectPlan(clientId: string): ServiceKeyPlan {
  if (/\|it-rt-/.test(clientId)) return 'integration-flow';
  if (/\|it!b\d+/.test(clientId)) return 'api';
  return 'unknown';
}

export function parseServiceKey(text: string): ParsedServiceKey {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return fail('(json)', 'not valid JSON; paste the whole service key as shown in the BTP cockpit');
  }
  if (!isRecord(root)) return fail('(json)', 'a service key is a JSON object');
  const wrapped = 'oauth' in root;
  if (wrapped && !isRecord(root.oauth)) return fail('oauth', 'must be an object');
  const body = (wrapped ? root.oauth : root) as Record<string, unknown>;
  const prefix = wrapped ? 'oauth.' : '';
  // A field is taken from the oauth object first, then from the top level (both shapes exist).
  const raw = (name: string): { value: unknown; field: string } =>
    name in body ? { value: body[name], field: prefix + name } : { value: root[name as keyof typeof root], field: name };

  const str = (name: string, required: boolean): string | undefined => {
    const { value, field } = raw(name);
    if (value === undefined || value === null) return required ? fail(prefix + name, 'is missing') : undefined;
    if (typeof value !== 'string') return fail(field, 'must be text');
    if (!value.trim()) return required ? fail(field, 'is empty') : undefined;
    return value.trim();
  };
  const httpsUrl = (name: string): string => {
    const value = str(name, true) as string;
    if (!/^https:\/\/[^\s/?#]+[^\s]*$/i.test(value)) fail(raw(name).field, 'must be an https:// URL');
    return value;
  };

  const clientId = str('clientid', true) as string;
  const url = httpsUrl('url');
  const tokenUrl = httpsUrl('tokenurl');
  const clientSecret = str('clientsecret', false);
  const certificate = str('certificate', false);
  const key = str('key', false);
  const certificatePem = certificate === undefined ? undefined : normalizePem(certificate);
  const privateKeyPem = key === undefined ? undefined : normalizePem(key);
  if (certificatePem && !/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(certificatePem)) {
    fail(raw('certificate').field, 'is not a PEM certificate (-----BEGIN CERTIFICATE-----)');
  }
  if (privateKeyPem && !/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(privateKeyPem)) {
    fail(raw('key').field, 'is not a PEM private key (a "BEGIN RSA PRIVATE KEY" or "BEGIN PRIVATE KEY" block)');
  }
  if (privateKeyPem && !certificatePem) fail(prefix + 'certificate', 'is missing (the key has a private key but no certificate)');
  if (!clientSecret && !certificatePem) fail(prefix + 'clientsecret', 'is missing (a service key has either clientsecret or certificate)');
  const certificateDetails = readDetails(raw('certificatedetails'));
  return {
    type: clientSecret ? 'clientid-secret' : privateKeyPem ? 'certificate' : 'external-certificate',
    plan: detectPlan(clientId),
    wrapped,
    clientId,
    url,
    tokenUrl,
    ...(clientSecret ? { clientSecret } : {}),
    ...(certificatePem ? { certificatePem } : {}),
    ...(privateKeyPem ? { privateKeyPem } : {}),
    ...(certificateDetails ? { certificateDetails } : {}),
  };
}

function readDetails({ value, field }: { value: unknown; field: string }): CertificateDetails | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return fail(field, 'must be an object');
  const details: CertificateDetails = {};
  for (const name of ['issuerdn', 'subjectdn', 'serialnumber', 'validuntil'] as const) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return fail(`${field}.${name}`, 'must be text');
    details[name] = v;
  }
  if (details.validuntil && Number.isNaN(Date.parse(details.validuntil))) fail(`${field}.validuntil`, 'is not a date');
  return details;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
