/**
 * A pure scan of OpenPGP packet headers (RFC 4880 §4.2, old and new format): enough to say what a
 * file holds — public keys, secret keys, a message — without decrypting or trusting anything.
 * Cloud Integration's upload refuses a secret keyring offered as public keys and the other way
 * round ("The key type you try to upload is invalid."); this is how the lint sees that first.
 */

export const PACKET_TAGS = {
  signature: 2,
  secretKey: 5,
  publicKey: 6,
  secretSubkey: 7,
  userId: 13,
  publicSubkey: 14,
} as const;

export interface PacketHeader {
  tag: number;
  offset: number;
  length: number;
}

export type PacketScan = { ok: true; packets: PacketHeader[] } | { ok: false; error: string; offset: number };

const MAX_PACKETS = 100_000;

/** Every packet header in order; partial lengths are followed to the packet's end. */
export function scanPackets(bytes: Uint8Array): PacketScan {
  const packets: PacketHeader[] = [];
  let p = 0;
  while (p < bytes.length) {
    if (packets.length >= MAX_PACKETS) return { ok: false, error: 'Too many packets.', offset: p };
    const start = p;
    const first = bytes[p++]!;
    if ((first & 0x80) === 0) return { ok: false, error: 'Not an OpenPGP packet (bit 7 of the header is clear).', offset: start };
    let tag: number;
    let length = 0;
    if (first & 0x40) {
      tag = first & 0x3f;
      // New format: one-, two- or five-octet lengths, or partial body lengths (data packets only).
      for (;;) {
        if (p >= bytes.length) return { ok: false, error: 'The packet header is cut off.', offset: start };
        const l1 = bytes[p++]!;
        let part: number;
        let partial = false;
        if (l1 < 192) part = l1;
        else if (l1 < 224) {
          if (p >= bytes.length) return { ok: false, error: 'The packet header is cut off.', offset: start };
          part = ((l1 - 192) << 8) + bytes[p++]! + 192;
        } else if (l1 === 255) {
          if (p + 4 > bytes.length) return { ok: false, error: 'The packet header is cut off.', offset: start };
          part = bytes[p]! * 0x1000000 + (bytes[p + 1]! << 16) + (bytes[p + 2]! << 8) + bytes[p + 3]!;
          p += 4;
        } else {
          part = 1 << (l1 & 0x1f);
          partial = true;
        }
        length += part;
        p += part;
        if (p > bytes.length) return { ok: false, error: 'A packet is longer than the data.', offset: start };
        if (!partial) break;
      }
    } else {
      tag = (first >> 2) & 0x0f;
      const type = first & 0x03;
      if (type === 3) {
        // Indeterminate length: the packet runs to the end of the data.
        length = bytes.length - p;
      } else {
        const n = type === 0 ? 1 : type === 1 ? 2 : 4;
        if (p + n > bytes.length) return { ok: false, error: 'The packet header is cut off.', offset: start };
        for (let k = 0; k < n; k++) length = length * 256 + bytes[p + k]!;
        p += n;
      }
      p += length;
      if (p > bytes.length) return { ok: false, error: 'A packet is longer than the data.', offset: start };
    }
    packets.push({ tag, offset: start, length });
  }
  if (packets.length === 0) return { ok: false, error: 'The data is empty.', offset: 0 };
  return { ok: true, packets };
}

export type KeyringKind = 'public' | 'secret' | 'mixed' | 'no-keys';

/** Whether a file holds public keys, secret keys, both, or no key at all (e.g. a message). */
export function keyringKindOf(packets: PacketHeader[]): KeyringKind {
  const tags = new Set(packets.map((p) => p.tag));
  const secret = tags.has(PACKET_TAGS.secretKey);
  const pub = tags.has(PACKET_TAGS.publicKey);
  if (secret && pub) return 'mixed';
  if (secret) return 'secret';
  if (pub) return 'public';
  return 'no-keys';
}
