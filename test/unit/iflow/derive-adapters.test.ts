import { describe, expect, it } from 'vitest';
import { deriveAdapters, publicAdapter } from '../../../shared/iflow/derive-adapters';
import { parseParametersProp } from '../../../shared/iflow/parameters-prop';
import { parseSafeXml } from '../../../shared/iflow/safe-xml';
import { buildIflw, type FlowSpec } from '../../support/iflow-builder';

function derive(flows: FlowSpec[], params: Record<string, string> = {}) {
  return deriveAdapters(buildIflw({ id: 'T', flows }), new Map(Object.entries(params)));
}

describe('deriveAdapters: every adapter type', () => {
  const cases: [FlowSpec, Partial<ReturnType<typeof publicAdapter>> & { protocol: string }][] = [
    [{ type: 'HTTPS', direction: 'Sender', participant: 'Shop', props: { urlPath: '/orders', senderAuthType: 'RoleBased' } }, { direction: 'inbound', path: '/orders', authentication: 'basic', protocol: 'https', probed: true }],
    [{ type: 'HTTP', direction: 'Receiver', participant: 'Api', props: { httpAddressWithoutQuery: 'https://api.example.com:8443/v1', authenticationMethod: 'OAuth2 Client Credentials', credentialName: 'API_OAUTH' } }, { direction: 'outbound', host: 'api.example.com', port: 8443, path: '/v1', authentication: 'oauth2-client-credentials', credentialName: 'API_OAUTH', protocol: 'https' }],
    [{ type: 'SOAP', direction: 'Receiver', participant: 'Erp', props: { address: 'http://erp-virtual:8000/sap/bc/srt', proxyType: 'sapcc', location_id: 'LOC1', authentication: 'Principal Propagation' } }, { proxyType: 'on-premise', locationId: 'LOC1', authentication: 'principal-propagation', host: 'erp-virtual', protocol: 'https' }],
    [{ type: 'IDoc', direction: 'Sender', participant: 'Erp', props: { address: '/idoc/matmas', senderAuthType: 'ClientCertificate' } }, { direction: 'inbound', authentication: 'client-certificate', path: '/idoc/matmas', protocol: 'https' }],
    [{ type: 'HCIOData', direction: 'Receiver', participant: 'S4', props: { address: 'https://s4.example.com/sap/opu/odata/sap/API_BP', authenticationMethod: 'Basic', alias: 'S4_ODATA' } }, { credentialName: 'S4_ODATA', authentication: 'basic', protocol: 'https' }],
    [{ type: 'SuccessFactors', direction: 'Receiver', participant: 'SF', props: { address: 'https://api4.successfactors.com', authenticationMethod: 'Basic', credentialName: 'SF_API' } }, { host: 'api4.successfactors.com', credentialName: 'SF_API', protocol: 'https' }],
    [{ type: 'SFTP', direction: 'Receiver', participant: 'Files', props: { host: 'sftp.example.com:2222', username: 'ci', authentication: 'public_key', privateKeyAlias: 'acme_sftp', path: '/in' } }, { host: 'sftp.example.com', port: 2222, path: '/in', authentication: 'public-key', privateKeyAlias: 'acme_sftp', hostKeyVerification: 'known-hosts', protocol: 'sftp' }],
    [{ type: 'SFTP', direction: 'Sender', participant: 'Files', props: { host: 'sftp.example.com', authentication: 'user_password', credential_name: 'SFTP_PW' } }, { direction: 'inbound', authentication: 'password', credentialName: 'SFTP_PW', protocol: 'sftp' }],
    [{ type: 'Mail', direction: 'Receiver', participant: 'Mail', props: { address: 'smtp.example.com:587', protection: 'STARTTLS Mandatory', authentication: 'Plain User Name/Password', credentialName: 'MAIL' } }, { host: 'smtp.example.com', port: 587, mailProtection: 'starttls-mandatory', authentication: 'plain', protocol: 'smtp' }],
    [{ type: 'Mail', direction: 'Sender', participant: 'Inbox', props: { address: 'imap.example.com:993' } }, { direction: 'inbound', probed: false, protocol: 'other' }],
    [{ type: 'AS2', direction: 'Sender', participant: 'Partner', props: { address: '/as2/in' } }, { probed: false, internal: false, protocol: 'other' }],
    [{ type: 'RFC', direction: 'Receiver', participant: 'Ecc', props: { proxyType: 'On-Premise' } }, { probed: false, proxyType: 'on-premise', protocol: 'other' }],
    [{ type: 'JDBC', direction: 'Receiver', participant: 'Db', props: {} }, { probed: false, protocol: 'other' }],
    [{ type: 'AMQP', direction: 'Receiver', participant: 'Broker', props: { host: 'mq.example.com', port: '5671' } }, { host: 'mq.example.com', port: 5671, probed: false, protocol: 'other' }],
    [{ type: 'XI', direction: 'Receiver', participant: 'PO', props: { address: 'https://po.example.com/XISOAPAdapter' } }, { probed: false, protocol: 'other' }],
    [{ type: 'ProcessDirect', direction: 'Receiver', participant: 'Next', props: { address: '/next' } }, { internal: true, probed: false, protocol: 'other' }],
    [{ type: 'JMS', direction: 'Sender', participant: 'Queue', props: { QueueName_inbound: 'Q1' } }, { internal: true, protocol: 'other' }],
  ];
  for (const [flow, expected] of cases) {
    it(`${flow.type} ${flow.direction}`, () => {
      const [a] = derive([flow]);
      expect(a).toBeDefined();
      const { protocol, ...shown } = expected;
      expect(a!.protocol).toBe(protocol);
      expect(publicAdapter(a!)).toMatchObject({ adapter: flow.type, participant: flow.participant, ...shown });
    });
  }
});

describe('deriveAdapters: parameters and run-time values', () => {
  it('resolves {{name}} from parameters.prop, lists the unresolved ones and the dynamic ones', () => {
    const params = parseParametersProp('#Store\nHost=https\\://api.example.com\nCred=API\\u00c4_USER\n');
    const [a] = deriveAdapters(
      buildIflw({ id: 'T', flows: [{ type: 'HTTP', direction: 'Receiver', participant: 'Api', props: { httpAddressWithoutQuery: '{{Host}}/orders/${header.orderId}', authenticationMethod: 'Basic', credentialName: '{{Cred}}', privateKeyAlias: '{{Missing_Alias}}' } }] }),
      params,
    );
    expect(a).toMatchObject({ host: 'api.example.com', credentialName: 'APIÄ_USER', privateKeyAlias: '', unresolved: ['Missing_Alias'] });
    expect(a!.dynamic).toEqual(['address: https://api.example.com/orders/${header.orderId}']);
  });

  it('reads a dynamic host as unknown, not as a host name', () => {
    const [a] = derive([{ type: 'HTTP', direction: 'Receiver', participant: 'X', props: { httpAddressWithoutQuery: '${property.target}', authenticationMethod: 'None' } }]);
    expect(a).toMatchObject({ host: '', authentication: 'none', dynamic: ['address: ${property.target}'] });
  });

  it('decodes XML character references in values once, without expanding entities', () => {
    const [a] = derive([{ type: 'HTTP', direction: 'Receiver', participant: 'A&B', props: { httpAddressWithoutQuery: 'https://x.example.com/a?b=1&c=2', authenticationMethod: 'Basic' } }]);
    expect(a!.participant).toBe('A&B');
    expect(a!.path).toBe('/a');
  });
});

describe('safe XML', () => {
  it('refuses a DOCTYPE (external and expanding entities)', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions>&x;</definitions>';
    expect(() => parseSafeXml(xxe)).toThrow(/DOCTYPE/);
    const laughs = `<!DOCTYPE l [<!ENTITY a "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${'&a;'.repeat(10)}">`).join('')}]><l>&a9;</l>`;
    expect(() => parseSafeXml(laughs)).toThrow(/DOCTYPE/);
  });

  it('refuses nesting beyond the depth limit and malformed XML', () => {
    expect(() => parseSafeXml('<a>'.repeat(5000) + '</a>'.repeat(5000))).toThrow(/deeper than 200/);
    expect(() => deriveAdapters('<definitions><collaboration>', new Map())).toThrow();
    expect(() => deriveAdapters('<html/>', new Map())).toThrow(/not an integration flow/);
  });

  it('counts depth past comments, CDATA, processing instructions and self-closing tags', () => {
    const many = '<b>'.repeat(300);
    const inner = `<!-- ${many} --><![CDATA[${many}]]><?pi ${many} ?>${'<b/><c x="1"/>'.repeat(300)}`;
    expect(() => parseSafeXml(`<r><a>${inner}</a></r>`)).not.toThrow();
    expect(() => parseSafeXml(`<r>${'<a>'.repeat(200)}${inner}${'</a>'.repeat(200)}</r>`)).toThrow(/deeper than 200/);
  });

  // A regular expression over tags backtracked on these (a 4,000-character run took 38 s): the
  // scan is linear now, so a megabyte of them ends at once with the parser's refusal.
  it.each([['<', '<'], ['<a', '<a'], ['<!--', '<!--'], ['<?', '<?']])('refuses a megabyte of %s without hanging', (_, unit) => {
    expect(() => parseSafeXml(unit.repeat(Math.floor(1048576 / unit.length)))).toThrow(/not well-formed|deeper than/);
  });
});
