// A transcript's text of which only some stretches are decoded (issue 12 §5).
//
// A whole-project segments export needs a few hundred characters around each
// passage, not the transcript: decoding every text whole made 230 MB of
// short-lived strings at 2,000 transcripts (texts with "’" or "ë" are
// two-byte strings in V8), and the garbage collector's work on them kept the
// export's heap, and so the process's memory, far above what it holds. Here
// the text is read as its UTF-8 bytes (memory outside the JavaScript heap,
// freed with the buffer) and only the stretches asked for are decoded.
//
// Offsets are UTF-16 code units, as everywhere in Duiding. Any question the
// stretches cannot answer for certain (a slice across two of them, a search
// that runs off one) decodes the whole text once and answers from that, so a
// view always gives what the full string would.

/** The part of the string interface that passages and segments use; a plain string is one. */
export interface TextView {
  readonly length: number;
  slice(start: number, end?: number): string;
  charAt(index: number): string;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
}

interface Piece {
  /** UTF-16 offsets of the piece in the whole text. */
  from: number;
  to: number;
  text: string;
}

/**
 * The byte where the character at UTF-16 offset `target` starts, walking from
 * a known (byte, unit) position. Lead bytes tell a character's length; a
 * four-byte character is two UTF-16 units (a surrogate pair).
 */
function byteAt(bytes: Uint8Array, byte: number, unit: number, target: number): { byte: number; unit: number } {
  const n = bytes.length;
  while (unit < target && byte < n) {
    const c = bytes[byte]!;
    if (c < 0x80) { byte += 1; unit += 1; }
    else if (c < 0xe0) { byte += 2; unit += 1; }
    else if (c < 0xf0) { byte += 3; unit += 1; }
    else { byte += 4; unit += 2; }
  }
  return { byte: Math.min(byte, n), unit };
}

/** Sorted, disjoint stretches: overlapping or touching ones joined, negative starts clipped. */
export function joinStretches(stretches: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...stretches].sort((x, y) => x[0] - y[0])) {
    const from = Math.max(0, a);
    if (b <= from) continue;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([from, b]);
  }
  return out;
}

export class WindowedText implements TextView {
  readonly #bytes: Buffer;
  readonly #pieces: Piece[] = [];
  /** Whether the last piece runs to the end of the text (then a search past it needs nothing more). */
  readonly #lastReachesEnd: boolean;
  #whole: string | null = null;

  /** `stretches`: UTF-16 ranges to decode, sorted and disjoint (see joinStretches). */
  constructor(bytes: Buffer, stretches: readonly (readonly [number, number])[]) {
    this.#bytes = bytes;
    let at = { byte: 0, unit: 0 };
    let reachesEnd = false;
    for (const [from, to] of stretches) {
      const start = byteAt(bytes, at.byte, at.unit, from);
      if (start.byte >= bytes.length) break;
      const end = byteAt(bytes, start.byte, start.unit, to);
      // An offset inside a surrogate pair cannot be cut here: the whole text answers those.
      this.#pieces.push({ from: start.unit, to: end.unit, text: bytes.toString('utf8', start.byte, end.byte) });
      reachesEnd = end.byte >= bytes.length;
      at = end;
    }
    this.#lastReachesEnd = reachesEnd || bytes.length === 0;
  }

  /** True once some question needed the whole text (for tests and the benchmark). */
  get decodedWhole(): boolean {
    return this.#whole !== null;
  }

  #full(): string {
    // Buffer's decoder, unlike TextDecoder's default, keeps a leading byte-order mark as the stored string has it.
    this.#whole ??= this.#bytes.toString('utf8');
    return this.#whole;
  }

  /** The piece holding UTF-16 offset `i` (its end included when `endOk`). */
  #pieceAt(i: number, endOk = false): Piece | undefined {
    if (this.#whole !== null) return undefined;
    let lo = 0;
    let hi = this.#pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#pieces[mid]!.to < i || (!endOk && this.#pieces[mid]!.to === i)) lo = mid + 1;
      else hi = mid;
    }
    const p = this.#pieces[lo];
    return p && p.from <= i ? p : undefined;
  }

  #endsText(p: Piece): boolean {
    return p === this.#pieces[this.#pieces.length - 1] && this.#lastReachesEnd;
  }

  get length(): number {
    if (this.#whole === null) {
      if (this.#bytes.length === 0) return 0;
      const last = this.#pieces[this.#pieces.length - 1];
      if (last && this.#endsText(last)) return last.to;
    }
    return this.#full().length;
  }

  slice(start: number, end?: number): string {
    if (start >= 0 && end !== undefined && end >= start) {
      const p = this.#pieceAt(start, true);
      // At the end of the text a slice is cut short, as a string's is.
      if (p && (end <= p.to || this.#endsText(p))) return p.text.slice(start - p.from, end - p.from);
    }
    return this.#full().slice(start, end);
  }

  charAt(index: number): string {
    const p = this.#pieceAt(index);
    return p ? p.text.charAt(index - p.from) : this.#full().charAt(index);
  }

  indexOf(search: string, from = 0): number {
    const p = from >= 0 ? this.#pieceAt(from, true) : undefined;
    if (p) {
      const k = p.text.indexOf(search, from - p.from);
      if (k >= 0) return p.from + k;
      if (this.#endsText(p)) return -1;
    }
    return this.#full().indexOf(search, from);
  }

  lastIndexOf(search: string, from = Infinity): number {
    // As String.prototype.lastIndexOf: a negative position looks at the first character only.
    const at = Math.max(0, from);
    const p = Number.isFinite(at) ? this.#pieceAt(at) : undefined;
    // A match starting at `at` must fit in the piece to be seen there.
    if (p && at + search.length <= p.to) {
      const k = p.text.lastIndexOf(search, at - p.from);
      if (k >= 0) return p.from + k;
      if (p.from === 0) return -1;
    }
    return this.#full().lastIndexOf(search, at);
  }
}
