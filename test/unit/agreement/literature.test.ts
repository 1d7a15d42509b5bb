// The agreement measures reproduce published worked examples to 3 decimals.
//
// Where the data come from: we could not consult the printed papers here. The
// tables below were transcribed from the test suite of DKPro Statistics
// (dkpro/dkpro-statistics, dkpro-statistics-agreement/src/test/…), whose
// tests cite each paper and page, and checked against the results those papers
// report (quoted in the same tests and, for Krippendorff 2011, in the R
// packages irr/DescTools and the Python package krippendorff, which use the
// same "C" data). Page numbers are those cited there; we could not verify them
// against the printed pages ourselves.
import { describe, expect, it } from 'vitest';
import { brennanPredigerKappa, cohenKappa, percentAgreement, scottPi } from '../../../src-shared/domain/agreement/coefficients.ts';
import { fleissKappa, fleissParts } from '../../../src-shared/domain/agreement/fleiss.ts';
import { krippendorffAlpha } from '../../../src-shared/domain/agreement/krippendorff.ts';
import { unitizingAlpha, unitizingAlpha2004, unitizingDisagreements, unitizingParts } from '../../../src-shared/domain/agreement/unitizing-2004.ts';

const close = (actual: number | null | undefined, expected: number, digits = 3) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, digits);
};

/** A k × k table from (row category, column category, count) triples, categories 1..k. */
function table(k: number, cells: [number, number, number][]): number[][] {
  const t = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [r, c, n] of cells) t[r - 1]![c - 1]! += n;
  return t;
}

describe('Cohen (1960), "A coefficient of agreement for nominal scales", Educ. Psychol. Meas. 20(1):37–46', () => {
  // p. 45 (worked example, 200 units, 3 categories): p_o = .70, p_c = .41, κ = .492.
  const example = table(3, [[1, 1, 88], [1, 2, 14], [1, 3, 18], [2, 1, 10], [2, 2, 40], [2, 3, 10], [3, 1, 2], [3, 2, 6], [3, 3, 12]]);
  it('p. 45: p_o = .70 and κ = .492', () => {
    close(percentAgreement(example), 0.7);
    close(cohenKappa(example), 0.492);
  });
});

describe('Brennan & Prediger (1981), "Coefficient kappa: some uses, misuses, and alternatives", Educ. Psychol. Meas. 41:687–699', () => {
  // Proportions ×100 of their two tables (p. 689 and p. 691): same p_o = .60, κ differs, κn does not.
  const p689 = table(3, [[1, 1, 50], [2, 1, 10], [2, 2, 10], [2, 3, 10], [3, 1, 20]]);
  const p691 = table(3, [[1, 1, 50], [1, 3, 10], [2, 2, 10], [2, 3, 10], [3, 1, 10], [3, 2, 10]]);
  it('p. 689: p_o = .60, κ = .27 (reported to 2 decimals), κn = (.60 − 1/3)/(1 − 1/3) = .400', () => {
    close(percentAgreement(p689), 0.6);
    close(cohenKappa(p689), 0.273);
    close(brennanPredigerKappa(percentAgreement(p689), 3), 0.4);
  });
  it('p. 691: p_o = .60, κ = .29 (2 decimals), κn again .400', () => {
    close(cohenKappa(p691), 0.286);
    close(brennanPredigerKappa(percentAgreement(p691), 3), 0.4);
  });
  it('κn is undefined (null), never NaN, with fewer than two categories', () => {
    expect(brennanPredigerKappa(1, 1)).toBeNull();
  });
});

describe('Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychol. Bull. 76(5):378–382', () => {
  // Table 1, p. 379: 30 patients, 6 psychiatrists each, 5 diagnoses; P̄ = .556, P̄_e = .220, κ = .430.
  const ratings = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
  ];
  const counts = ratings.map((r) => [1, 2, 3, 4, 5].map((c) => r.filter((x) => x === c).length));
  it('p. 379: P̄ = .556, P̄_e = .220, κ = .430', () => {
    const parts = fleissParts(counts)!;
    close(parts.observed, 0.556);
    close(parts.expected, 0.22);
    close(fleissKappa(counts), 0.43);
  });
});

describe("Krippendorff's α for coding (nominal, ordinal, interval; missing data)", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg
  // School for Communication, Departmental Papers 43: example C (4 observers,
  // 12 units, values 1–5, missing data) with α_nominal = .743, and the same data
  // with α_ordinal = .815 and α_interval = .849. The same matrix appears in
  // Krippendorff (2004), Content Analysis 2nd ed., p. 230 (nominal .743, interval .849).
  const _ = null;
  const C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  it('nominal α = .743 (D_o = .200, D_e = .779)', () => {
    const r = krippendorffAlpha(C, 'nominal')!;
    close(r.value, 0.743);
    close(r.observed, 0.2);
    close(r.expected, 0.779);
  });
  it('ordinal α = .815', () => close(krippendorffAlpha(C, 'ordinal')!.value, 0.815));
  it('interval α = .849 (D_o = .433, D_e = 2.872)', () => {
    const r = krippendorffAlpha(C, 'interval')!;
    close(r.value, 0.849);
    close(r.observed, 0.433);
    close(r.expected, 2.872);
  });
  it('Krippendorff (2004) p. 224: two coders, binary data, α = .095', () => {
    const a = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const b = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const r = krippendorffAlpha([a, b], 'nominal')!;
    close(r.value, 0.095);
    close(r.expected, 0.442);
  });
  it('Krippendorff (2004) p. 246: π = .186 where κ = .258 (the same agreement, different marginals)', () => {
    const t = [[12, 18, 18], [0, 14, 18], [0, 0, 20]];
    close(percentAgreement(t), 0.46);
    close(scottPi(t), 0.186);
    close(cohenKappa(t), 0.258);
  });
});

describe('Krippendorff (2004), Content Analysis 2nd ed., §12.4, p. 254: unitizing uα', () => {
  // Two coders i and j on a continuum from 150 to 450 (L = 300), categories c and k.
  // Here shifted to start at 0. Reported: uD_o(c) = .0144, uD_e(c) = .0532, uα_c = .7286; uα_k = 1.
  const shift = (s: number, l: number) => ({ start: s - 150, end: s - 150 + l });
  const c = [[shift(225, 70), shift(370, 30)], [shift(220, 80), shift(355, 20), shift(400, 20)]];
  const k = [[shift(180, 60), shift(300, 50)], [shift(180, 60), shift(300, 50)]];
  it('uα for category c = .7286', () => {
    const r = unitizingAlpha2004(300, c);
    expect(r.observed).toBeCloseTo(0.0144, 4);
    expect(r.expected).toBeCloseTo(0.0532, 4);
    expect(r.value).toBeCloseTo(0.7286, 4);
  });
  it('uα for category k = 1 (identical units, uD_e(k) = .0490); over both categories 1 − ΣuD_o/ΣuD_e', () => {
    const rk = unitizingAlpha2004(300, k);
    expect(rk.value).toBe(1);
    expect(rk.expected).toBeCloseTo(0.049, 4);
    const rc = unitizingAlpha2004(300, c);
    // .8591 = 1 − .0144 / (.0532 + .0490) from the rounded intermediate values;
    // unrounded the same definition gives .8587.
    const overall = unitizingAlpha(rc.observed + rk.observed, rc.expected + rk.expected).value;
    expect(Math.abs(overall - 0.8591)).toBeLessThan(0.0005);
    expect(overall).toBeCloseTo(0.8587, 4);
  });
  it('the observed sum is Σ over ordered pairs: 2 × (50 + 850 + 400)', () => {
    expect(unitizingParts(300, c).observedSum).toBe(2600);
    const parts = unitizingParts(300, c);
    const w = (l: number) => ({ length: l, weight: 1 });
    const d = unitizingDisagreements(parts.observedSum, 300, 2, parts.units.map(w).sort((a, b) => b.length - a.length), parts.gaps.map(w).sort((a, b) => b.length - a.length));
    expect(d.expected).toBeCloseTo(0.0532, 4);
  });
});
