/**
 * A zip reader for archives that come from customers: the central directory is read by hand
 * (entry count, names and flags checked before anything is inflated), and each entry we need is
 * inflated with fflate's streaming Inflate in small slices while we count what comes out, so a
 * declared size is never trusted: a bomb stops at the limit, not after it has filled memory.
 */
import { Inflate } from 'fflate';

export const ZIP_LIMITS = {
  maxArchiveBytes: 64 * 1024 * 1024,
  maxEntries: 5000,
  /** One inflated entry (an .iflw is a few hundred KB; a nested artifact a few MB). */
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  /** Beyond 1 MB inflated, more than this many bytes out per byte in is a bomb, not XML. */
  maxRatio: 200,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

export class ZipRefused extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const SLICE = 16 * 1024;

function findEndOfCentralDirectory(b: Buffer): number {
  const stop = Math.max(0, b.length - 65557);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === 0x06054b50) return i;
  throw new ZipRefused('it is not a zip archive (no central directory)');
}

/** A name that would escape a folder if written out: refused even though we never write entries. */
export function unsafeEntryName(name: string): boolean {
  return name.includes('\0') || /^([a-z]:|[\\/])/i.test(name) || name.split(/[\\/]/).includes('..');
}

export function listEntries(b: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (b.length > limits.maxArchiveBytes) throw new ZipRefused(`it is larger than ${limits.maxArchiveBytes / 1048576} MB`);
  const eocd = findEndOfCentralDirectory(b);
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipRefused('it is a ZIP64 archive, which integration flow exports never are');
  if (count > limits.maxEntries) throw new ZipRefused(`it has ${count} entries (at most ${limits.maxEntries} are read)`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) throw new ZipRefused('its central directory is damaged');
    const nameLen = b.readUInt16LE(at + 28);
    const name = b.toString((b.readUInt16LE(at + 8) & 0x800) !== 0 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen);
    if (unsafeEntryName(name)) throw new ZipRefused(`it holds an entry named "${name.slice(0, 120)}" that points outside the archive`);
    const entry = { name, flags: b.readUInt16LE(at + 8), method: b.readUInt16LE(at + 10), compressedSize: b.readUInt32LE(at + 20), localOffset: b.readUInt32LE(at + 42) };
    if ((entry.flags & 1) !== 0) throw new ZipRefused(`its entry "${name}" is encrypted`);
    entries.push(entry);
    at += 46 + nameLen + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return entries;
}

/** Counts the bytes inflated across one archive (and the archives nested in it). */
export interface InflateBudget {
  used: number;
}

export function readEntry(b: Buffer, e: ZipEntry, budget: InflateBudget, limits: ZipLimits = ZIP_LIMITS): Buffer {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) throw new ZipRefused(`its entry "${e.name}" is damaged`);
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw new ZipRefused(`its entry "${e.name}" is cut short`);
  const input = b.subarray(start, end);
  const chunks: Uint8Array[] = [];
  let out = 0;
  const take = (chunk: Uint8Array) => {
    out += chunk.length;
    budget.used += chunk.length;
    if (out > limits.maxEntryBytes) throw new ZipRefused(`its entry "${e.name}" inflates to more than ${limits.maxEntryBytes / 1048576} MB`);
    if (budget.used > limits.maxTotalBytes) throw new ZipRefused(`it inflates to more than ${limits.maxTotalBytes / 1048576} MB in all`);
    if (out > 1048576 && out / Math.max(1, input.length) > limits.maxRatio) throw new ZipRefused(`its entry "${e.name}" is a zip bomb (it inflates more than ${limits.maxRatio} times)`);
    chunks.push(chunk);
  };
  if (e.method === 0) {
    take(input);
  } else if (e.method === 8) {
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let i = 0; i < input.length; i += SLICE) inflate.push(input.subarray(i, i + SLICE), i + SLICE >= input.length);
      if (input.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipRefused) throw err;
      throw new ZipRefused(`its entry "${e.name}" is damaged (${(err as Error).message})`);
    }
  } else {
    throw new ZipRefused(`its entry "${e.name}" uses compression method ${e.method}, which exports never use`);
  }
  return Buffer.concat(chunks);
}
