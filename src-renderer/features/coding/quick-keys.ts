// What keys 1–9 apply right now, as the quick-code bar shows them (pinned
// slots, or the recent codes when nothing is pinned). The bar publishes it;
// the key handler reads it, so key and bar never disagree.
let keys: readonly (number | null)[] = [];

export function setQuickKeys(next: readonly (number | null)[]): void {
  keys = next;
}

/** The code on key `n` (1–9), if any. */
export function quickKeyCode(n: number): number | null {
  return keys[n - 1] ?? null;
}
