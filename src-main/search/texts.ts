// Source texts for search, kept per connection between searches.
//
// Reading a transcript from SQLite and decoding it costs far more than
// searching it (≈0.15 ms for 50 kB), and a search may touch every source, so
// texts stay in memory up to a budget, least recently used first out. An entry
// is trusted without a query while nothing was written (the connection's
// total_changes() and data_version are unchanged); after a write its text_hash
// is compared, and a changed text is read again.
import type Database from 'better-sqlite3';
import { WindowedText, type TextView } from './text-view.ts';

export interface SourceText {
  name: string;
  text: string;
}

/**
 * A text a caller has loaded, whole or in the stretches it needs (a windowed text), with its turns
 * when it read those too (a passage reader then reads them not again).
 */
export interface KnownSource {
  name: string;
  text: TextView;
  /**
   * Sorted by start; all of the transcript's turns, or (a segment export) only those around the
   * passages that will be asked for: for each, the turn it starts in up to the last one starting at or before its end.
   */
  turns?: readonly { start: number; end: number; kind: 'speech' | 'note' }[];
}

interface Entry extends SourceText {
  hash: string;
  /** The write stamp at which the entry was last known to be current. */
  stamp: string;
}

/** UTF-16 code units kept (≈ 64 MB at most; Latin-1 texts take half). */
export const TEXT_CACHE_UNITS = 32 * 1024 * 1024;

export class TextCache {
  private readonly entries = new Map<number, Entry>();
  private units = 0;
  private readonly stampStmt: Database.Statement;
  private readonly versionStmt: Database.Statement;
  private readonly textsStmt: Database.Statement;
  private readonly hashesStmt: Database.Statement;
  private readonly bytesStmt: Database.Statement;

  private readonly budget: number;

  constructor(sqlite: Database.Database, budget = TEXT_CACHE_UNITS) {
    this.budget = budget;
    this.stampStmt = sqlite.prepare('SELECT total_changes()').pluck();
    this.versionStmt = sqlite.prepare('PRAGMA data_version').pluck();
    this.textsStmt = sqlite.prepare('SELECT id, name, text_hash, text FROM sources WHERE id IN (SELECT value FROM json_each(?))').raw();
    this.hashesStmt = sqlite.prepare('SELECT id, name, text_hash FROM sources WHERE id IN (SELECT value FROM json_each(?))').raw();
    // The stored UTF-8 as a buffer: outside the JavaScript heap, and not decoded (text-view.ts).
    this.bytesStmt = sqlite.prepare('SELECT name, CAST(text AS BLOB) FROM sources WHERE id = ?').raw();
  }

  /** Changes whenever this connection (total_changes) or another one (data_version) wrote. Take it once per search. */
  stamp(): string {
    return `${String(this.versionStmt.get())}:${String(this.stampStmt.get())}`;
  }

  private put(id: number, entry: Entry): void {
    const old = this.entries.get(id);
    if (old) {
      this.entries.delete(id);
      this.units -= old.text.length;
    }
    if (entry.text.length > this.budget) return;
    this.entries.set(id, entry);
    this.units += entry.text.length;
    for (const [oldest, e] of this.entries) {
      if (this.units <= this.budget) break;
      this.entries.delete(oldest);
      this.units -= e.text.length;
    }
  }

  /**
   * Adds the texts of `ids` to `out`: cached ones that are current at `stamp`
   * as they are, the others read in one query. Unknown ids are left out.
   * `keep: false` for a pass over many texts that are each used once (a
   * whole-project export): kept, they would push out the texts that searches
   * reuse and live long enough to make garbage collection expensive.
   */
  load(ids: readonly number[], out: { set(id: number, text: SourceText): unknown }, stamp = this.stamp(), keep = true): void {
    if (ids.length === 0) return;
    const stale: number[] = [];
    const missing: number[] = [];
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) missing.push(id);
      else if (e.stamp !== stamp) stale.push(id);
      else {
        this.entries.delete(id);
        this.entries.set(id, e);
        out.set(id, e);
      }
    }
    if (stale.length > 0) {
      const current = new Map((this.hashesStmt.all(JSON.stringify(stale)) as [number, string, string][]).map((r) => [r[0], r]));
      for (const id of stale) {
        const e = this.entries.get(id)!;
        const row = current.get(id);
        if (row && row[2] === e.hash) {
          const fresh = { ...e, name: row[1], stamp };
          this.put(id, fresh);
          out.set(id, fresh);
        } else if (row) missing.push(id);
        else {
          this.entries.delete(id);
          this.units -= e.text.length;
        }
      }
    }
    if (missing.length > 0) {
      for (const [id, name, hash, text] of this.textsStmt.all(JSON.stringify(missing)) as [number, string, string, string][]) {
        const e: Entry = { name, text, hash, stamp };
        if (keep) this.put(id, e);
        out.set(id, e);
      }
    }
  }

  /**
   * One transcript for a pass over many that each need a few stretches (a whole-project export):
   * the cached text when it is current at `stamp`, otherwise only `stretches` (UTF-16 ranges,
   * sorted and disjoint) decoded from the stored bytes, and nothing kept. Undefined for an unknown id.
   */
  loadWindows(id: number, stretches: readonly (readonly [number, number])[], stamp = this.stamp()): { name: string; text: TextView } | undefined {
    const e = this.entries.get(id);
    if (e && e.stamp === stamp) return e;
    const row = this.bytesStmt.get(id) as [string, Buffer] | undefined;
    return row && { name: row[0], text: new WindowedText(row[1], stretches) };
  }

  /** UTF-16 code units held (for tests and the benchmark). */
  get size(): number {
    return this.units;
  }

  clear(): void {
    this.entries.clear();
    this.units = 0;
  }
}

const caches = new WeakMap<Database.Database, TextCache>();

/** The text cache of a connection (created on first use, dropped with the connection). */
export function textCache(sqlite: Database.Database): TextCache {
  let c = caches.get(sqlite);
  if (!c) caches.set(sqlite, (c = new TextCache(sqlite)));
  return c;
}

/**
 * A copy of `text.slice(start, end)` that does not keep `text` alive. V8
 * makes a longer slice a view into its parent, so a list of quotes holds
 * every transcript they came from (a whole-project export held all 2,000
 * texts at once, issue 12 §5). Slicing a concatenation flattens it first,
 * so the result points into a new string of its own length.
 */
export function detachedSlice(text: TextView, start: number, end?: number): string {
  const piece = text.slice(start, end);
  return piece.length < 13 ? piece : ` ${piece}`.slice(1);
}
