/**
 * The pure armor and packet readers: real OpenPGP.js output read back byte for byte, damaged and
 * hostile input answered with a reason (never a throw), and the keyring kind told from the packets.
 */
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { crc24, parseArmoredPgp } from '../../../shared/pgp/armor';
import { keyringKindOf, scanPackets } from '../../../shared/pgp/packets';

describe('parseArmoredPgp', () => {
  let publicArmored: string;
  let privateArmored: string;
  let publicBytes: Uint8Array;
  beforeAll(async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ name: 'T', email: 't@example.com' }], format: 'object' });
    publicArmored = publicKey.armor();
    privateArmored = privateKey.armor();
    publicBytes = publicKey.write();
  });

  it('decodes what OpenPGP.js armors, with a checksum that matches', () => {
    const r = parseArmoredPgp(publicArmored);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.blocks).toHaveLength(1);
    expect(r.blocks[0]!.type).toBe('public-key');
    expect(Buffer.from(r.blocks[0]!.data).equals(Buffer.from(publicBytes))).toBe(true);
    expect(r.blocks[0]!.checksum).toBe('ok');
  });

  it('reads several blocks and ignores text around them', () => {
    const r = parseArmoredPgp(`Hello,\nhere are our keys:\n\n${publicArmored}\n\n${privateArmored}\r\nregards`);
    expect(r.ok && r.blocks.map((b) => b.type)).toEqual(['public-key', 'private-key']);
  });

  it('flags a damaged copy by its checksum and a block without END', () => {
    const lines = publicArmored.split('\n');
    const i = lines.findIndex((l) => l.length > 40);
    lines[i] = (lines[i]![0] === 'A' ? 'B' : 'A') + lines[i]!.slice(1);
    const r = parseArmoredPgp(lines.join('\n'));
    expect(r.ok && r.blocks[0]!.checksum).toBe('mismatch');
    const cut = parseArmoredPgp(publicArmored.replace(/-----END[^\n]*/, ''));
    expect(cut).toMatchObject({ ok: false, error: expect.stringMatching(/no END line/) });
    expect(parseArmoredPgp('no pgp here')).toMatchObject({ ok: false });
    expect(parseArmoredPgp('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!\n-----END PGP PUBLIC KEY BLOCK-----')).toMatchObject({ ok: false, error: expect.stringMatching(/radix-64/) });
  });

  it('CRC-24 of RFC 4880 (the empty input is the initial value)', () => {
    expect(crc24(new Uint8Array(0))).toBe(0xb704ce);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n', '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n'), (s, prefix) => {
        const r = parseArmoredPgp(prefix + s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('tells public, secret and no-key packet streams apart, and refuses cut-off packets', () => {
    const pub = parseArmoredPgp(publicArmored);
    const sec = parseArmoredPgp(privateArmored);
    if (!pub.ok || !sec.ok) throw new Error('unreadable fixture');
    const p = scanPackets(pub.blocks[0]!.data);
    const s = scanPackets(sec.blocks[0]!.data);
    expect(p.ok && keyringKindOf(p.packets)).toBe('public');
    expect(s.ok && keyringKindOf(s.packets)).toBe('secret');
    const both = new Uint8Array([...pub.blocks[0]!.data, ...sec.blocks[0]!.data]);
    const m = scanPackets(both);
    expect(m.ok && keyringKindOf(m.packets)).toBe('mixed');
    expect(scanPackets(pub.blocks[0]!.data.subarray(0, 20))).toMatchObject({ ok: false });
    expect(scanPackets(new Uint8Array([0x01, 0x02]))).toMatchObject({ ok: false, offset: 0 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(typeof scanPackets(bytes).ok).toBe('boolean');
    }));
  });
});
