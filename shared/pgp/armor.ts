/**
 * A small, pure reader of ASCII-armored OpenPGP input (RFC 4880 §6): the BEGIN/END lines, the
 * armor headers, the radix-64 body and its CRC-24 checksum. It never throws and never calls a
 * library, so it can sit in the fuzz table; the key service uses it to tell a public from a secret
 * keyring before OpenPGP.js reads the packets.
 */

export type ArmorType = 'public-key' | 'private-key' | 'message' | 'signature' | 'signed-message';

export interface ArmorBlock {
  type: ArmorType;
  /** The label as written, e.g. `PGP PUBLIC KEY BLOCK`. */
  label: string;
  headers: [string, string][];
  /** The decoded packets (empty for the cleartext part of a signed message). */
  data: Uint8Array;
  /** `absent` is allowed (RFC 9580 makes the checksum optional); `mismatch` means a damaged copy. */
  checksum: 'ok' | 'absent' | 'mismatch';
}

export type ArmorParse = { ok: true; blocks: ArmorBlock[] } | { ok: false; error: string; line?: number };

/** Inputs beyond this are refused before any work (a keyring of hundreds of keys is far smaller). */
export const MAX_ARMOR_CHARS = 8 * 1024 * 1024;
const MAX_BLOCKS = 1000;

const LABELS: Record<string, ArmorType> = {
  'PGP PUBLIC KEY BLOCK': 'public-key',
  'PGP PRIVATE KEY BLOCK': 'private-key',
  'PGP SECRET KEY BLOCK': 'private-key',
  'PGP MESSAGE': 'message',
  'PGP SIGNATURE': 'signature',
  'PGP SIGNED MESSAGE': 'signed-message',
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Radix-64 without padding surprises; undefined when a character is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c]! : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** CRC-24 of RFC 4880 §6.1. */
export function crc24(data: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

const BEGIN = /^-----BEGIN (.+)-----$/;
const END = /^-----END (.+)-----$/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*): ?(.*)$/;

/** Reads every armored block of the text (text around the blocks is ignored, as gpg does). */
export function parseArmoredPgp(text: string): ArmorParse {
  if (typeof text !== 'string') return { ok: false, error: 'The input is not text.' };
  if (text.length > MAX_ARMOR_CHARS) return { ok: false, error: 'The input is larger than 8 MiB.' };
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[ \t]+$/, ''));
  const blocks: ArmorBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const begin = BEGIN.exec(lines[i]!);
    if (!begin) {
      i++;
      continue;
    }
    const label = begin[1]!;
    const type = LABELS[label];
    if (!type) return { ok: false, error: `Unknown armor "${label}".`, line: i + 1 };
    if (blocks.length >= MAX_BLOCKS) return { ok: false, error: `More than ${MAX_BLOCKS} armored blocks.`, line: i + 1 };
    const start = i + 1;
    const headers: [string, string][] = [];
    i++;
    while (i < lines.length && lines[i] !== '') {
      const h = HEADER.exec(lines[i]!);
      if (!h) break;
      headers.push([h[1]!, h[2]!]);
      i++;
    }
    if (type === 'signed-message') {
      // The cleartext runs up to the signature block that follows it; that block is read next.
      while (i < lines.length && lines[i] !== '-----BEGIN PGP SIGNATURE-----') i++;
      blocks.push({ type, label, headers, data: new Uint8Array(0), checksum: 'absent' });
      continue;
    }
    if (lines[i] === '') i++;
    const body: string[] = [];
    let sum: string | undefined;
    let closed = false;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      const end = END.exec(line);
      if (end) {
        if (end[1] !== label) return { ok: false, error: `"${label}" ends with "${end[1]}".`, line: i + 1 };
        closed = true;
        i++;
        break;
      }
      if (line.startsWith('=') && line.length === 5) sum = line.slice(1);
      else if (line !== '') body.push(line);
    }
    if (!closed) return { ok: false, error: `"${label}" has no END line.`, line: start };
    const data = decodeBase64(body.join(''));
    if (!data) return { ok: false, error: `"${label}" holds characters that are not radix-64.`, line: start };
    if (data.length === 0) return { ok: false, error: `"${label}" is empty.`, line: start };
    let checksum: ArmorBlock['checksum'] = 'absent';
    if (sum !== undefined) {
      const expected = decodeBase64(sum);
      const value = expected && expected.length === 3 ? (expected[0]! << 16) | (expected[1]! << 8) | expected[2]! : -1;
      checksum = value === crc24(data) ? 'ok' : 'mismatch';
    }
    blocks.push({ type, label, headers, data, checksum });
  }
  if (blocks.length === 0) return { ok: false, error: 'No "-----BEGIN PGP …-----" block found.' };
  return { ok: true, blocks };
}

/** True when the bytes look like armor rather than binary packets (a binary packet's first byte has bit 7 set). */
export function looksArmored(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || (bytes[0]! & 0x80) !== 0) return false;
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  return head.includes('-----BEGIN PGP');
}
