import { describe } from 'vitest';
import { csrTarget, derTarget, pemTarget, pkcs12NoPasswordTarget, pkcs12Target, pkcs7Target } from './targets/certificates';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): certificates and keystores', () => seededFuzz([pemTarget, derTarget, pkcs7Target, pkcs12Target, pkcs12NoPasswordTarget, csrTarget] as never));
