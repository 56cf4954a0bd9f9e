import { describe, expect, it } from 'vitest';
import { interpretHttpAnswer } from '../../../shared/probe/http-verdict';

const answer = (status: number, body = '', headers: Record<string, string> = {}) => ({ status, body, headers });
const codes = (a: ReturnType<typeof answer>, direction: 'inbound' | 'outbound', auth: 'basic' | 'client-certificate' | 'none' | 'oauth2-client-credentials') =>
  interpretHttpAnswer(a, { direction, auth, path: '/p' }).map((f) => f.code);

describe('interpretHttpAnswer', () => {
  it('maps inbound answers to the BTP cockpit / CI monitor causes', () => {
    expect(codes(answer(401), 'inbound', 'basic')).toEqual(['http.401-inbound-basic']);
    expect(codes(answer(401), 'inbound', 'client-certificate')).toEqual(['http.401-inbound-cert']);
    expect(codes(answer(403), 'inbound', 'basic')).toEqual(['http.403-inbound']);
    expect(codes(answer(403, '', { 'x-csrf-token': 'Required' }), 'inbound', 'basic')).toEqual(['http.403-csrf']);
    expect(codes(answer(404), 'inbound', 'basic')).toEqual(['http.404-inbound']);
    expect(codes(answer(200), 'inbound', 'basic')).toEqual([]);
  });
  it("recognises nginx's HTTP 400 client-certificate pages", () => {
    expect(codes(answer(400, '<center>No required SSL certificate was sent</center>'), 'outbound', 'none')).toEqual(['http.client-cert-missing']);
    expect(codes(answer(400, '<center>The SSL certificate error</center>'), 'outbound', 'client-certificate')).toEqual(['http.client-cert-untrusted']);
    expect(codes(answer(400, '<center>No required SSL certificate was sent</center>'), 'inbound', 'client-certificate')).toEqual(['inbound.client-cert-rejected']);
  });
  it('maps outbound answers to the receiver or the CI monitor', () => {
    expect(codes(answer(401), 'outbound', 'basic')).toEqual(['http.401-outbound']);
    expect(codes(answer(403), 'outbound', 'basic')).toEqual(['http.403-outbound']);
    expect(codes(answer(503), 'outbound', 'basic')).toEqual(['http.5xx']);
  });
});
