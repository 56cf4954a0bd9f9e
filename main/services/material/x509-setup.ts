/**
 * @peculiar/x509 needs reflect-metadata loaded first and a WebCrypto provider; Node's own is used.
 * Every material module imports x509 from here so the setup happens exactly once.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

export { x509 };
