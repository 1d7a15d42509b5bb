// Chance-corrected agreement coefficients for two coders on a k × k table of
// counts (rows: coder A's category, columns: coder B's). Definitions in
// docs/agreement.md; the literature tests are in test/unit/agreement/.

/**
 * Degenerate rule (docs/agreement.md §Degenerate cases): when chance agreement
 * is already perfect (pe = 1) there is no variation left to disagree on; the
 * coders agreed on every unit, so the coefficient is 1 — never NaN.
 */
export function chanceCorrected(observed: number, expected: number): number {
  if (expected >= 1 - 1e-12) return 1;
  return (observed - expected) / (1 - expected);
}

function totals(table: readonly (readonly number[])[]) {
  const k = table.length;
  const rows = table.map((r) => r.reduce((s, x) => s + x, 0));
  const cols = Array.from({ length: k }, (_, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
  const n = rows.reduce((s, x) => s + x, 0);
  const diagonal = table.reduce((s, r, i) => s + (r[i] ?? 0), 0);
  return { k, rows, cols, n, diagonal };
}

/** Share of units both coders put in the same category (1 for an empty table: nothing to disagree on). */
export function percentAgreement(table: readonly (readonly number[])[]): number {
  const { n, diagonal } = totals(table);
  return n === 0 ? 1 : diagonal / n;
}

/** Cohen (1960): chance from each coder's own marginal distribution. */
export function cohenKappa(table: readonly (readonly number[])[]): number {
  const { rows, cols, n, diagonal } = totals(table);
  if (n === 0) return 1;
  const pe = rows.reduce((s, r, i) => s + (r / n) * (cols[i]! / n), 0);
  return chanceCorrected(diagonal / n, pe);
}

/** Scott (1955): chance from the pooled marginal distribution of both coders. */
export function scottPi(table: readonly (readonly number[])[]): number {
  const { rows, cols, n, diagonal } = totals(table);
  if (n === 0) return 1;
  const pe = rows.reduce((s, r, i) => s + ((r + cols[i]!) / (2 * n)) ** 2, 0);
  return chanceCorrected(diagonal / n, pe);
}

/**
 * Brennan & Prediger (1981) κn: chance is 1/k for k categories, whatever the
 * coders did. Undefined (null) for fewer than two categories.
 */
export function brennanPredigerKappa(observed: number, categories: number): number | null {
  if (!(categories >= 2)) return null;
  return chanceCorrected(observed, 1 / categories);
}
