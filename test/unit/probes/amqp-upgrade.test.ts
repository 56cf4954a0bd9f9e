/**
 * The pure parts of the AMQP probe: the WebSocket upgrade answer judged as CI's client (Qpid JMS on
 * Netty) judges it, and the broker's first bytes told apart (AMQP 1.0, AMQP 0-9-1, TLS, HTTP, other).
 * The real peers (rabbitmq-server, websockify) are in test/integration/probes-part3/.
 */
import { describe, expect, it } from 'vitest';
import { acceptFor, judgeUpgrade } from '../../../main/services/probes/amqp/amqp-websocket';
import { describeHead } from '../../../main/services/probes/amqp/amqp-wire';

const key = 'dGhlIHNhbXBsZSBub25jZQ==';
const at = { host: 'broker.example.com', port: 443, path: '/amqp' };
const answer = (...lines: string[]) => lines.join('\r\n');

describe('WebSocket upgrade answer', () => {
  it('RFC 6455’s own example key gives its accept value', () => {
    expect(acceptFor(key)).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('101 with the accept key and the amqp subprotocol is good', () => {
    expect(judgeUpgrade(answer('HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', `Sec-WebSocket-Accept: ${acceptFor(key)}`, 'Sec-WebSocket-Protocol: amqp'), key, at)).toBeUndefined();
  });

  it('101 without the amqp subprotocol: Netty’s “Invalid subprotocol” as CI would log it', () => {
    const f = judgeUpgrade(answer('HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', `Sec-WebSocket-Accept: ${acceptFor(key)}`), key, at);
    expect(f?.code).toBe('amqp.ws.no-subprotocol');
    expect(f?.literal).toBe('Invalid subprotocol. Actual: null. Expected one of: amqp');
    const binary = judgeUpgrade(answer('HTTP/1.1 101 Switching Protocols', `Sec-WebSocket-Accept: ${acceptFor(key)}`, 'Sec-WebSocket-Protocol: binary'), key, at);
    expect(binary?.literal).toBe('Invalid subprotocol. Actual: binary. Expected one of: amqp');
  });

  it('404 names the path; other statuses are refusals; a wrong accept key or no HTTP is not a WebSocket server', () => {
    expect(judgeUpgrade('HTTP/1.1 404 Not Found', key, at)?.message).toContain('/amqp');
    expect(judgeUpgrade('HTTP/1.1 403 Forbidden', key, at)?.code).toBe('amqp.ws.refused');
    expect(judgeUpgrade(answer('HTTP/1.1 101 Switching Protocols', 'Sec-WebSocket-Accept: wrong', 'Sec-WebSocket-Protocol: amqp'), key, at)?.code).toBe('amqp.ws.not-http');
    expect(judgeUpgrade('AMQP\x00\x00\x09\x01', key, at)?.code).toBe('amqp.ws.not-http');
  });
});

describe('the broker’s first bytes', () => {
  it('AMQP 1.0 (SASL or plain header) is fine; 0-9-1 is named; TLS, HTTP and silence are not AMQP', () => {
    expect(describeHead(Buffer.from('AMQP\x03\x01\x00\x00', 'latin1'))).toBeUndefined();
    expect(describeHead(Buffer.from('AMQP\x00\x01\x00\x00', 'latin1'))).toBeUndefined();
    expect(describeHead(Buffer.from('AMQP\x00\x00\x09\x01', 'latin1'))?.code).toBe('amqp.protocol-0-9-1');
    expect(describeHead(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]))?.detail).toMatch(/TLS/);
    expect(describeHead(Buffer.from('HTTP/1.1 400 Bad Request\r\n', 'latin1'))?.detail).toBe('an HTTP answer (HTTP/1.1 400 Bad Request)');
    expect(describeHead(Buffer.alloc(0))?.detail).toMatch(/without answering/);
  });
});
