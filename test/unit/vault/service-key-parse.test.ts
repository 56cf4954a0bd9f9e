import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { parseServiceKey } from '../../../shared/vault/service-key';
import { buildServiceKeys, CLIENT_ID, generatePki, RUNTIME_URL, TOKEN_URL, type ServiceKeyShapes } from '../../support/service-key-fixtures';

let keys: ServiceKeyShapes;
beforeAll(() => {
  keys = buildServiceKeys(generatePki());
});

const json = (v: unknown) => JSON.stringify(v, null, 2);

function fieldOf(text: string): string | undefined {
  try {
    parseServiceKey(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(e.code).toBe('SERVICE_KEY_INVALID');
    return e.field;
  }
}

describe('BTP service key: documented shapes', () => {
  it('clientid/secret key with and without the oauth wrapper', () => {
    for (const [shape, wrapped] of [[keys.secretWrapped, true], [keys.secretFlat, false]] as const) {
      const k = parseServiceKey(json(shape));
      expect(k).toMatchObject({ type: 'clientid-secret', plan: 'integration-flow', wrapped, clientId: CLIENT_ID, url: RUNTIME_URL, tokenUrl: TOKEN_URL, clientSecret: keys.clientSecret });
      expect(k.privateKeyPem).toBeUndefined();
    }
  });

  it('certificate key with and without the wrapper: real line breaks, chain, details', () => {
    for (const shape of [keys.certificateWrapped, keys.certificateFlat]) {
      const k = parseServiceKey(json(shape));
      expect(k.type).toBe('certificate');
      expect(k.privateKeyPem).toMatch(/^-{5}BEGIN RSA PRIVATE KEY-{5}\n/);
      expect(k.certificatePem?.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
      expect(k.certificateDetails?.subjectdn).toMatch(/CN=it-rt-fixture/);
    }
  });

  it('turns literal \\n sequences (a double-escaped copy) into line breaks', () => {
    expect(keys.certificateDoubleEscaped).toContain('\\\\n');
    const k = parseServiceKey(keys.certificateDoubleEscaped);
    expect(k.privateKeyPem).not.toContain('\\n');
    expect(k.privateKeyPem?.split('\n').length).toBeGreaterThan(20);
  });

  it('external-certificate key (no private key) and api-plan key', () => {
    expect(parseServiceKey(json(keys.externalCertificate))).toMatchObject({ type: 'external-certificate', plan: 'integration-flow' });
    expect(parseServiceKey(json(keys.apiPlan))).toMatchObject({ type: 'clientid-secret', plan: 'api' });
  });
});

describe('BTP service key: broken keys are refused with the exact field', () => {
  const oauth = () => structuredClone(keys.secretWrapped.oauth) as Record<string, unknown>;
  const cert = () => structuredClone(keys.certificateWrapped.oauth) as Record<string, unknown>;

  it.each([
    ['not JSON', () => '{"oauth": {', '(json)'],
    ['an array', () => '[]', '(json)'],
    ['oauth not an object', () => json({ oauth: 'x' }), 'oauth'],
    ['clientid missing', () => json({ oauth: { ...oauth(), clientid: undefined } }), 'oauth.clientid'],
    ['clientid not text', () => json({ oauth: { ...oauth(), clientid: 42 } }), 'oauth.clientid'],
    ['url missing (flat)', () => json({ ...oauth(), url: undefined }), 'url'],
    ['tokenurl not https', () => json({ oauth: { ...oauth(), tokenurl: 'http://x/oauth/token' } }), 'oauth.tokenurl'],
    ['neither secret nor certificate', () => json({ oauth: { ...oauth(), clientsecret: undefined } }), 'oauth.clientsecret'],
    ['clientsecret empty', () => json({ oauth: { ...oauth(), clientsecret: '' } }), 'oauth.clientsecret'],
    ['certificate not PEM', () => json({ oauth: { ...cert(), certificate: 'MIIB...' } }), 'oauth.certificate'],
    ['key not PEM', () => json({ oauth: { ...cert(), key: 'not a key' } }), 'oauth.key'],
    ['key without certificate', () => json({ oauth: { ...cert(), certificate: undefined } }), 'oauth.certificate'],
    ['certificatedetails not an object', () => json({ oauth: { ...cert(), certificatedetails: 'x' } }), 'oauth.certificatedetails'],
    ['validuntil not a date', () => json({ oauth: { ...cert(), certificatedetails: { validuntil: 'soon' } } }), 'oauth.certificatedetails.validuntil'],
  ])('%s → %s', (_name, make, field) => {
    expect(fieldOf(make())).toBe(field);
  });

  it('never puts a secret value into the error message', () => {
    try {
      parseServiceKey(json({ oauth: { ...oauth(), tokenurl: keys.clientSecret } }));
    } catch (e) {
      expect((e as Error).message).not.toContain(keys.clientSecret);
      return;
    }
    throw new Error('expected a refusal');
  });
});
