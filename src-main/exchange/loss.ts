// Collects what an import loses or converts, per kind, with the names of what
// is affected, for the preview, the result and the report memo.
import type { LossEntry } from '../../src-shared/contracts/exchange.ts';

/** Names listed in a detail before it says how many more there are. */
const MAX_NAMES = 8;

export class LossLog<K extends string> {
  readonly #entries = new Map<K, { count: number; names: string[]; detail: string }>();

  /** Counts `count` of `kind`, naming `name` (once) when given. */
  add(kind: K, count = 1, name?: string): void {
    if (count <= 0) return;
    const entry = this.#entries.get(kind) ?? { count: 0, names: [], detail: '' };
    entry.count += count;
    if (name && !entry.names.includes(name)) entry.names.push(name);
    this.#entries.set(kind, entry);
  }

  /** A fixed detail text (a unit, a number) instead of names. */
  detail(kind: K, detail: string): void {
    const entry = this.#entries.get(kind);
    if (entry) entry.detail = detail;
  }

  entries(): LossEntry<K>[] {
    return [...this.#entries].map(([kind, e]) => ({
      kind,
      count: e.count,
      detail: e.detail || (e.names.length > MAX_NAMES ? `${e.names.slice(0, MAX_NAMES).join(', ')} … (+${e.names.length - MAX_NAMES})` : e.names.join(', ')),
    }));
  }
}
