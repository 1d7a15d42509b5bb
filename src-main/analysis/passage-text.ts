// The text of a coded passage as it may be quoted (issue 9 §6, ADR 0017):
// - non-speech lines inside it (turns of kind 'note': "[lacht]", "MUZIEK")
//   are not the speaker's words, so they are cut out, each cut marked "…";
// - a passage that starts or ends in the middle of a sentence gets "…" there,
//   so a reader can see the quote is part of a longer sentence.
import { createHash } from 'node:crypto';
import type { ProjectDb } from '../db/open.ts';
import { detachedSlice, textCache, type KnownSource, type SourceText } from '../search/texts.ts';
import type { TextView } from '../search/text-view.ts';

/** Characters that end a sentence (a quote that starts right after one starts a sentence). */
const SENTENCE_END = /[.!?…]["'”’)]*$/u;

export interface PassageText {
  /** The coded characters exactly as in the transcript (the hash of an edit is taken over these). */
  raw: string;
  /** What may be quoted: notes cut out, "…" at a mid-sentence start or end; whitespace flattened. */
  said: string;
}

interface TurnRow {
  start: number;
  end: number;
  kind: 'speech' | 'note';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Closing quotes and brackets that may follow a sentence's last punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', ')']);
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/** Where the line holding `pos` ends (looked for only without a turn: it may read far ahead). */
function lineEndAfter(text: TextView, pos: number): number {
  const next = text.indexOf('\n', pos);
  return next < 0 ? text.length : next;
}

/**
 * Transcripts a reader keeps at once besides the preloaded ones. Passages
 * mostly come grouped by transcript; a whole-project export must not hold
 * every transcript's text and turns at the same time (issue 12 §5).
 */
const KEEP_SOURCES = 8;

/**
 * A reader of passages that loads each transcript's text and turns once
 * (while it is among the last KEEP_SOURCES used); `sourceIds` (when known)
 * are read in one go and kept. `known`: texts the caller has at hand (and may
 * add to between calls), so a transcript is not read twice.
 */
export function passageReader(db: ProjectDb, sourceIds: readonly number[] = [], known?: Map<number, KnownSource>):
  (sourceId: number, start: number, end: number) => PassageText {
  const cache = textCache(db.sqlite);
  const preloaded = known ?? new Map<number, KnownSource>();
  cache.load([...new Set(sourceIds)], preloaded);
  const turnsOf = db.sqlite.prepare(`SELECT start, "end" AS "end", kind FROM turns WHERE source_id = ? ORDER BY start`);
  const recent = new Map<number, { text: TextView; turns: readonly TurnRow[] }>();
  const sourceOf = (sourceId: number) => {
    let entry = recent.get(sourceId);
    if (entry) {
      recent.delete(sourceId); // most recently used last
    } else {
      const given = preloaded.get(sourceId);
      let text: TextView | undefined = given?.text;
      if (text === undefined) {
        const one = new Map<number, SourceText>();
        cache.load([sourceId], one);
        text = one.get(sourceId)?.text ?? '';
      }
      entry = { text, turns: given?.turns ?? (turnsOf.all(sourceId) as TurnRow[]) };
      if (recent.size >= KEEP_SOURCES) recent.delete(recent.keys().next().value!);
    }
    recent.set(sourceId, entry);
    return entry;
  };
  return (sourceId, start, end) => {
    const { text, turns: rows } = sourceOf(sourceId);
    const raw = detachedSlice(text, start, end);

    // Turns never overlap and are sorted: the last one starting at or before `pos`.
    const indexAt = (pos: number): number => {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid]!.start <= pos) lo = mid + 1;
        else hi = mid;
      }
      return lo - 1;
    };

    // Cut the notes out, marking each cut.
    const pieces: string[] = [];
    let at = start;
    let cut = false;
    for (let i = Math.max(0, indexAt(start)); i < rows.length && rows[i]!.start < end; i++) {
      const t = rows[i]!;
      if (t.kind !== 'note' || t.end <= start) continue;
      if (t.start > at) pieces.push(text.slice(at, t.start));
      pieces.push('\u0000');
      at = Math.max(at, t.end);
      cut = true;
    }
    if (at < end) pieces.push(text.slice(at, end));
    let body = cut
      ? pieces.map((p) => (p === '\u0000' ? ' … ' : p)).join('').replace(/(?:\s*…\s*){2,}/g, ' … ')
      : raw;
    body = flat(body);

    // Mid-sentence: look at the speech around the passage within its own line of speech.
    const speechAt = (pos: number): TurnRow | undefined => {
      const t = rows[indexAt(pos)];
      return t && t.kind === 'speech' && pos < t.end ? t : undefined;
    };
    const startTurn = speechAt(start);
    const endTurn = speechAt(Math.max(start, end - 1));
    // Only the characters next to the passage are looked at (turns can be long).
    const lineStart = startTurn?.start ?? text.lastIndexOf('\n', start - 1) + 1;
    let i = start - 1;
    while (i >= lineStart && isSpace(text.charAt(i))) i--;
    while (i >= lineStart && CLOSERS.has(text.charAt(i))) i--;
    const saidBefore = i >= lineStart;
    const lineEnd = endTurn?.end ?? lineEndAfter(text, end);
    let j = end;
    while (j < lineEnd && isSpace(text.charAt(j))) j++;
    const saidAfter = j < lineEnd;
    const openStart = saidBefore && !/[.!?…]/u.test(text.charAt(i)) && !body.startsWith('…');
    const openEnd = saidAfter && !SENTENCE_END.test(body) && !body.endsWith('…');
    const said = `${openStart ? '… ' : ''}${body}${openEnd ? ' …' : ''}`;
    return { raw, said };
  };
}
