import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, quantifierKey } from '../../../src-shared/domain/quantifiers.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';

/** The phrase a report would print for `count` of `total` people of a group. */
function phrase(lang: 'nl' | 'en', count: number, total: number, group = 'bestuurder', thresholds = DEFAULT_THRESHOLDS): string {
  const { t } = createI18n(lang);
  return t(`analysis.quantity.${quantifierKey(count, total, thresholds)}`, {
    group: t(`analysis.group.${group}.other`),
    one: t(`analysis.group.${group}.one`),
  });
}

describe('quantifier wording at its thresholds (defaults: few ≤ 25 %, several ≤ 40 %, many ≤ 50 %)', () => {
  it.each([
    [0, 20, 'geen bestuurders', 'no executives'],
    [1, 20, 'één bestuurder', 'one executive'],
    [5, 20, 'enkele bestuurders', 'a few executives'], // 25 %: still "few"
    [6, 20, 'meerdere bestuurders', 'several executives'], // 30 %
    [8, 20, 'meerdere bestuurders', 'several executives'], // 40 %: still "several"
    [9, 20, 'veel bestuurders', 'many executives'], // 45 %
    [10, 20, 'veel bestuurders', 'many executives'], // exactly half is not a majority
    [11, 20, 'de meerderheid van de bestuurders', 'the majority of the executives'], // 55 %
    [19, 20, 'de meerderheid van de bestuurders', 'the majority of the executives'],
    [20, 20, 'alle bestuurders', 'all executives'],
  ])('%i of %i → "%s" / "%s"', (count, total, nl, en) => {
    expect(phrase('nl', count, total)).toBe(nl);
    expect(phrase('en', count, total)).toBe(en);
  });

  it('uses the group noun of each perspective', () => {
    expect(phrase('nl', 2, 10, 'regulerende_partij')).toBe('enkele regulerende partijen');
    expect(phrase('en', 1, 10, 'inwoner')).toBe('one citizen or patient');
    expect(phrase('nl', 7, 10, 'zorgprofessional')).toBe('de meerderheid van de zorgprofessionals');
  });

  it('follows the thresholds the analyst sets', () => {
    const strict = { few: 0.1, several: 0.2, many: 0.3 };
    expect(quantifierKey(2, 20, strict)).toBe('few'); // 10 %
    expect(quantifierKey(3, 20, strict)).toBe('several'); // 15 %
    expect(quantifierKey(6, 20, strict)).toBe('many'); // 30 %
    expect(quantifierKey(7, 20, strict)).toBe('majority'); // 35 %
  });

  it('treats a single participant and a whole small group plainly', () => {
    expect(quantifierKey(1, 1)).toBe('one');
    expect(quantifierKey(2, 2)).toBe('all');
    expect(quantifierKey(3, 0)).toBe('none');
  });

  it('refuses thresholds out of order', () => {
    expect(() => quantifierKey(1, 2, { few: 0.5, several: 0.4, many: 0.6 })).toThrow(RangeError);
    expect(() => quantifierKey(1, 2, { few: 0.2, several: 0.4, many: 1 })).toThrow(RangeError);
  });
});
