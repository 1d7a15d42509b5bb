// The comparison engine on small cases worked out by hand: counting rules,
// merging, left-out interviewer turns, missing coders, degenerate cases,
// UTF-16 counting with emoji and combining characters, and the bootstrap.
import { describe, expect, it } from 'vitest';
import { computeAgreement, type AgreementData } from '../../../src-shared/domain/agreement/compute.ts';

type Coding = AgreementData['codings'][number];

function data(partial: Partial<AgreementData> & { codings: Coding[] }): AgreementData {
  return {
    coders: ['A', 'B'],
    codes: [{ id: 1, path: 'X', branch: 'X' }],
    sources: [{ id: 1, name: 's', length: 20, leftOut: [], present: 0b11 }],
    threshold: 0.9,
    ...partial,
  };
}
const c = (coder: number, start: number, end: number, code = 0, source = 0): Coding => ({ source, code, coder, start, end });
const cell = (r: ReturnType<typeof computeAgreement>, code: number | null, source: number | null) =>
  r.rows.find((x) => x.code === code && x.source === source)!;

describe('character level', () => {
  it('A [0,10) vs B [5,15) on 20 characters: a = b = c = d = 5 → 50 %, κ = π = 0, α = 1 − 39·10/(20·20) = .025', () => {
    const r = computeAgreement(data({ codings: [c(0, 0, 10), c(1, 5, 15)] }));
    const row = cell(r, 0, 0);
    expect(row.characters).toBe(20);
    expect(row.percentAgreement).toBe(0.5);
    expect(row.cohenKappa).toBeCloseTo(0, 12);
    expect(row.scottPi).toBeCloseTo(0, 12);
    expect(row.krippendorffAlpha).toBeCloseTo(0.025, 12);
    expect(row.fleissKappa).toBeNull();
  });

  it("merges a coder's overlapping and adjacent segments of one code before counting", () => {
    const split = computeAgreement(data({ codings: [c(0, 0, 4), c(0, 4, 8), c(0, 2, 6), c(1, 0, 8)] }));
    expect(cell(split, 0, 0).percentAgreement).toBe(1);
    expect(cell(split, 0, 0).cohenKappa).toBe(1);
  });

  it('uncoded-by-both characters count as agreement (NVivo): a small disagreement in a long text scores high agreement', () => {
    const r = computeAgreement(data({ sources: [{ id: 1, name: 's', length: 1000, leftOut: [], present: 3 }], codings: [c(0, 0, 10), c(1, 0, 12)] }));
    expect(cell(r, 0, 0).percentAgreement).toBeCloseTo(998 / 1000, 12);
  });

  it('interviewer turns left out: their characters do not count, and a coding across one becomes one unit', () => {
    // Text 0..30, interviewer turn [10,20). A codes [5,25), B codes [5,10) and [20,25): identical once the turn is out.
    const src = [{ id: 1, name: 's', length: 30, leftOut: [{ start: 10, end: 20 }], present: 3 }];
    const r = computeAgreement(data({ sources: src, codings: [c(0, 5, 25), c(1, 5, 10), c(1, 20, 25)] }));
    const row = cell(r, 0, 0);
    expect(row.characters).toBe(20);
    expect(row.percentAgreement).toBe(1);
    expect(row.uAlpha).toBe(1);
    // Segment level sees one segment of A (10 counted positions) and two of B (5 each): no 90 % match.
    expect(row.segment).toMatchObject({ matched: 0, total: 3 });
  });

  it('counts UTF-16 code units: an emoji is two units, a ZWJ sequence five, an uncomposed combining mark one more', () => {
    // "Zo 👩‍⚕️ q̇!" — 👩‍⚕️ = U+1F469 U+200D U+2695 U+FE0F (2+1+1+1 units); q̇ = q + U+0307 (no precomposed form, stays 2 units).
    const text = 'Zo \u{1F469}\u200D\u2695\uFE0F q\u0307!';
    expect(text.normalize('NFC')).toBe(text);
    expect(text.length).toBe(12);
    const emoji = { start: 3, end: 8 };
    const qdot = { start: 9, end: 11 };
    const src = [{ id: 1, name: 's', length: text.length, leftOut: [], present: 3 }];
    // A codes the whole emoji and q̇; B only the woman (first surrogate pair) and q̇.
    const r = computeAgreement(data({ sources: src, codings: [c(0, emoji.start, emoji.end), c(0, qdot.start, qdot.end), c(1, 3, 5), c(1, qdot.start, qdot.end)] }));
    const row = cell(r, 0, 0);
    expect(row.characters).toBe(12);
    // Disagreement on the ZWJ, the medical sign and the variation selector: 3 units of 12.
    expect(row.percentAgreement).toBeCloseTo(9 / 12, 12);
  });
});

describe('coders present and missing', () => {
  it('a coder without any coding in a transcript is missing there, not "coded nothing"', () => {
    const sources = [
      { id: 1, name: 's1', length: 20, leftOut: [], present: 0b111 },
      { id: 2, name: 's2', length: 20, leftOut: [], present: 0b011 }, // C did not code s2
    ];
    const r = computeAgreement(data({
      coders: ['A', 'B', 'C'], sources,
      codings: [c(0, 0, 10, 0, 0), c(1, 0, 10, 0, 0), c(2, 0, 10, 0, 0), c(0, 0, 10, 0, 1), c(1, 0, 10, 0, 1)],
    }));
    // With C counted as "nothing" in s2, agreement in s2 would drop; as missing it is perfect.
    expect(cell(r, 0, 1).krippendorffAlpha).toBe(1);
    expect(cell(r, 0, null).krippendorffAlpha).toBe(1);
    // Fleiss' κ needs all three: only s1 counts.
    expect(cell(r, 0, 0).fleissKappa).toBe(1);
    expect(cell(r, 0, 1).fleissKappa).toBeNull();
  });

  it('one coder only: the transcript is skipped, with the reason, and no rows are made up', () => {
    const r = computeAgreement(data({ sources: [{ id: 1, name: 's', length: 20, leftOut: [], present: 0b01 }], codings: [c(0, 0, 5)] }));
    expect(r.skipped).toEqual([{ source: 0, reason: 'fewer_than_two_coders' }]);
    expect(r.rows).toEqual([]);
  });

  it('an empty transcript (or one that is all interviewer) is skipped as empty', () => {
    const sources = [
      { id: 1, name: 'empty', length: 0, leftOut: [], present: 3 },
      { id: 2, name: 'only interviewer', length: 10, leftOut: [{ start: 0, end: 10 }], present: 3 },
      { id: 3, name: 'real', length: 10, leftOut: [], present: 3 },
    ];
    const r = computeAgreement(data({ sources, codings: [c(0, 0, 5, 0, 2), c(1, 0, 5, 0, 2)] }));
    expect(r.skipped).toEqual([{ source: 0, reason: 'empty' }, { source: 1, reason: 'empty' }]);
    expect(r.rows.filter((x) => x.source !== null).map((x) => x.source)).toEqual([2]);
  });
});

describe('degenerate cases are 1 (documented), flagged, and never NaN', () => {
  it('no coder used the code in a transcript', () => {
    const r = computeAgreement(data({ codes: [{ id: 1, path: 'X', branch: 'X' }, { id: 2, path: 'Y', branch: 'Y' }], codings: [c(0, 0, 5, 0), c(1, 0, 5, 0)] }));
    const row = cell(r, 1, 0);
    expect(row.noneCoded).toBe(true);
    for (const v of [row.percentAgreement, row.cohenKappa, row.scottPi, row.krippendorffAlpha, row.uAlpha, row.segment.percentAgreement]) expect(v).toBe(1);
    expect(row.segment.total).toBe(0);
    expect(JSON.stringify(r)).not.toContain('NaN');
  });

  it('everyone coded everything', () => {
    const r = computeAgreement(data({ codings: [c(0, 0, 20), c(1, 0, 20)] }));
    const row = cell(r, 0, 0);
    expect([row.cohenKappa, row.scottPi, row.krippendorffAlpha, row.uAlpha]).toEqual([1, 1, 1, 1]);
    expect(row.noneCoded).toBe(false);
  });

  it('κn is null (not NaN) with a single code in the comparison: chance 1/1 leaves nothing to correct', () => {
    const r = computeAgreement(data({ codings: [c(0, 0, 10), c(1, 0, 10)] }));
    expect(cell(r, 0, 0).segment.kappaN).toBeNull();
    expect(JSON.stringify(r)).not.toContain('NaN');
  });
});

describe('segment level', () => {
  const two = [{ id: 1, path: 'X', branch: 'X' }, { id: 2, path: 'Y', branch: 'Y' }];
  it('matches when |S ∩ T| / |S ∪ T| ≥ threshold: 90/100 matches at .9, 89/100 does not', () => {
    const src = [{ id: 1, name: 's', length: 200, leftOut: [], present: 3 }];
    const at90 = computeAgreement(data({ codes: two, sources: src, codings: [c(0, 0, 100), c(1, 10, 100)] }));
    expect(cell(at90, 0, 0).segment).toMatchObject({ matched: 2, total: 2, percentAgreement: 1, kappaN: 1 });
    const at89 = computeAgreement(data({ codes: two, sources: src, codings: [c(0, 0, 100), c(1, 11, 100)] }));
    expect(cell(at89, 0, 0).segment).toMatchObject({ matched: 0, total: 2, percentAgreement: 0, kappaN: -1 });
    const lower = computeAgreement(data({ codes: two, sources: src, threshold: 0.5, codings: [c(0, 0, 100), c(1, 11, 100)] }));
    expect(cell(lower, 0, 0).segment.matched).toBe(2);
  });

  it("counts each coder's segments: A has two segments, B one that matches only the first → 2 of 3, κn = (2/3 − 1/2)/(1/2)", () => {
    const src = [{ id: 1, name: 's', length: 200, leftOut: [], present: 3 }];
    const r = computeAgreement(data({ codes: two, sources: src, codings: [c(0, 0, 50), c(0, 100, 150), c(1, 0, 50)] }));
    const seg = cell(r, 0, 0).segment;
    expect(seg).toMatchObject({ matched: 2, total: 3 });
    expect(seg.kappaN).toBeCloseTo((2 / 3 - 1 / 2) / (1 / 2), 12);
  });
});

describe('cu-α and Cu-α (Krippendorff et al. 2016)', () => {
  it('two coders agree where a branch was coded but disagree on which code: worked by hand', () => {
    // Branch B with codes b1, b2. A: b1 [0,10), b2 [10,20). B: b1 [0,20).
    // Both directions (m − 1 = 1): l_b1b1 = 10 + 10 = 20, l_b2b1 = l_b1b2 = 10, so l = 40, l_b1 = 30, l_b2 = 10.
    // p_g: A's b1 10, A's b2 10, B's b1 20 → Σp² = 100 + 100 + 400 = 600.
    // D = 40 − 600/40 = 25; Σ_{c≠k} e = (40² − 30² − 10²)/25 = 600/25 = 24; observed 20 → cu-α = 1 − 20/24 = 1/6.
    const codes = [{ id: 1, path: 'B/b1', branch: 'B' }, { id: 2, path: 'B/b2', branch: 'B' }];
    const r = computeAgreement(data({ codes, sources: [{ id: 1, name: 's', length: 40, leftOut: [], present: 3 }], codings: [c(0, 0, 10, 0), c(0, 10, 20, 1), c(1, 0, 20, 0)] }));
    expect(r.branches).toEqual([{ branch: 'B', cuAlpha: expect.closeTo(1 / 6, 12) as number, ci: null }]);
    // One branch only: Cu-α (across branches) is not defined.
    expect(r.CuAlpha.value).toBeNull();
  });

  it('identical coding gives cu-α = Cu-α = 1', () => {
    const codes = [{ id: 1, path: 'B/b1', branch: 'B' }, { id: 2, path: 'B/b2', branch: 'B' }, { id: 3, path: 'C', branch: 'C' }];
    const codings = [0, 1].flatMap((k) => [c(k, 0, 10, 0), c(k, 10, 20, 1), c(k, 30, 40, 2)]);
    const r = computeAgreement(data({ codes, sources: [{ id: 1, name: 's', length: 50, leftOut: [], present: 3 }], codings }));
    expect(r.branches.find((b) => b.branch === 'B')!.cuAlpha).toBe(1);
    expect(r.CuAlpha.value).toBe(1);
  });
});

describe('bootstrap over transcripts', () => {
  const sources = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `s${i}`, length: 100, leftOut: [], present: 3 }));
  const codings = sources.flatMap((_, i) => [c(0, 0, 40 + i, 0, i), c(1, i, 40, 0, i)]);
  it('the same seed gives the same interval; the interval contains the point value; per-transcript rows have none', () => {
    const a = computeAgreement(data({ sources, codings }), { replicates: 200, seed: 7 });
    const b = computeAgreement(data({ sources, codings }), { replicates: 200, seed: 7 });
    const pa = cell(a, 0, null);
    expect(pa.ci).toEqual(cell(b, 0, null).ci);
    const [lo, hi] = pa.ci!.cohenKappa!;
    expect(lo).toBeLessThanOrEqual(pa.cohenKappa);
    expect(hi).toBeGreaterThanOrEqual(pa.cohenKappa);
    expect(lo).toBeLessThan(hi);
    expect(cell(a, 0, 0).ci).toBeNull();
    expect(a.bootstrap).toEqual({ replicates: 200, seed: 7 });
    const other = computeAgreement(data({ sources, codings }), { replicates: 200, seed: 8 });
    expect(cell(other, 0, null).ci!.cohenKappa).not.toEqual(pa.ci!.cohenKappa);
  });
  it('reports progress up to the replicate count', () => {
    const seen: number[] = [];
    computeAgreement(data({ sources, codings }), { replicates: 50, seed: 1 }, (done, total) => {
      expect(total).toBe(50);
      seen.push(done);
    });
    expect(seen.at(-1)).toBe(50);
  });
});

describe('multi-valued coding within a branch and three coders', () => {
  it("a coder's overlapping codes of one branch become one combined value ('a+b'), keeping a partition", async () => {
    const { valuedSections } = await import('../../../src-shared/domain/agreement/unitizing-2016.ts');
    expect(valuedSections(new Map([['a', [{ start: 0, end: 10 }]], ['b', [{ start: 5, end: 15 }]]]))).toEqual([
      { start: 0, end: 5, value: 'a' }, { start: 5, end: 10, value: 'a+b' }, { start: 10, end: 15, value: 'b' },
    ]);
  });

  it('three coders, one missing in a transcript: cu-α and every pooled value are numbers, never NaN', () => {
    const codes = [{ id: 1, path: 'B/b1', branch: 'B' }, { id: 2, path: 'B/b2', branch: 'B' }, { id: 3, path: 'C', branch: 'C' }];
    const sources = [
      { id: 1, name: 's1', length: 60, leftOut: [], present: 0b111 },
      { id: 2, name: 's2', length: 60, leftOut: [], present: 0b011 },
    ];
    const codings = [
      c(0, 0, 10, 0, 0), c(1, 0, 10, 1, 0), c(2, 2, 10, 0, 0), c(0, 30, 40, 2, 0), c(1, 30, 42, 2, 0), c(2, 31, 40, 2, 0),
      c(0, 0, 20, 0, 1), c(1, 5, 20, 0, 1),
    ];
    const r = computeAgreement(data({ coders: ['A', 'B', 'C'], codes, sources, codings }), { replicates: 30, seed: 3 });
    expect(JSON.stringify(r)).not.toContain('NaN');
    const b = r.branches.find((x) => x.branch === 'B')!;
    expect(b.cuAlpha).toBeLessThan(1);
    expect(r.CuAlpha.value).not.toBeNull();
    expect(cell(r, null, null).fleissKappa).not.toBeNull();
  });
});
