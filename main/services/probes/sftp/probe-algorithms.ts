/**
 * What the probe's own SSH client (ssh2) offers: ssh2's defaults plus the deprecated algorithms
 * ssh2 can speak (SHA-1 key exchanges, ssh-dss, CBC ciphers, MD5 / truncated MACs). So the probe
 * reaches a server that Cloud Integration reaches only with "Enable Support for Deprecated
 * Algorithms" and can still check its host key and the login; whether CI's client agrees by
 * default is judged separately from the server's offers (shared/ssh/ci-ssh-algorithms.ts).
 */
import type { Algorithms } from 'ssh2';

export const PROBE_ALGORITHMS: Algorithms = {
  kex: { append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'] },
  serverHostKey: { append: ['ssh-dss'] },
  cipher: { append: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'] },
  hmac: { append: ['hmac-sha1-96', 'hmac-md5', 'hmac-md5-96'] },
} as Algorithms;
