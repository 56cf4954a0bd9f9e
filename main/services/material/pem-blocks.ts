/**
 * Finds PEM blocks in linear time. The obvious regex (`-----BEGIN X-----[\s\S]*?-----END X-----`)
 * restarts its lazy scan at every BEGIN, so a file of 20,000 BEGIN lines without an END took
 * minutes (found by `npm run fuzz`). Here each label's next BEGIN is remembered, and a label whose
 * END is absent after one of its BEGINs is dropped: no later BEGIN of it can have an END either.
 */
export interface PemBlock {
  label: string;
  /** The whole block, BEGIN to END line included. */
  text: string;
  /** Between the BEGIN and END lines (headers and base64). */
  body: string;
  start: number;
  end: number;
}

export function findPemBlocks(text: string, labels: readonly string[], limit = Infinity): PemBlock[] {
  const blocks: PemBlock[] = [];
  // Per label: where its next BEGIN is (-1: none left, or none that has an END after it).
  const nextBegin = new Map<string, number>();
  const beginOf = (label: string, from: number): number => {
    const known = nextBegin.get(label);
    if (known === -1 || (known !== undefined && known >= from)) return known;
    const at = text.indexOf(`-----BEGIN ${label}-----`, from);
    nextBegin.set(label, at);
    return at;
  };
  let from = 0;
  while (blocks.length < limit) {
    let best: { label: string; at: number } | undefined;
    for (const label of labels) {
      const at = beginOf(label, from);
      if (at !== -1 && (!best || at < best.at)) best = { label, at };
    }
    if (!best) break;
    const head = `-----BEGIN ${best.label}-----`;
    const tail = `-----END ${best.label}-----`;
    const bodyStart = best.at + head.length;
    const endAt = text.indexOf(tail, bodyStart);
    if (endAt === -1) {
      // No END after this BEGIN: none after any later BEGIN of this label either.
      nextBegin.set(best.label, -1);
      continue;
    }
    const end = endAt + tail.length;
    blocks.push({ label: best.label, text: text.slice(best.at, end), body: text.slice(bodyStart, endAt), start: best.at, end });
    from = end;
  }
  return blocks;
}
