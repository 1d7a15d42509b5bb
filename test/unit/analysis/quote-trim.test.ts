import { describe, expect, it } from 'vitest';
import { isHonestTrim } from '../../../src-shared/domain/quote-trim.ts';

const ORIGINAL = 'We hebben ons project nu twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar en niemand weet wat er dan gebeurt.';

describe('honest quote trimming', () => {
  it('accepts cuts marked with an ellipsis, in order', () => {
    expect(isHonestTrim(ORIGINAL, '… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …')).toBe(true);
    expect(isHonestTrim(ORIGINAL, 'We hebben ons project … op transformatiegelden … niemand weet wat er dan gebeurt.')).toBe(true);
    expect(isHonestTrim(ORIGINAL, 'we hebben ons project nu twee jaar [...] niemand weet wat er dan gebeurt')).toBe(true);
    expect(isHonestTrim(ORIGINAL, ORIGINAL.replace('jaar kunnen', 'jaar\nkunnen'))).toBe(true);
  });

  it('refuses words the speaker did not say, reordering, and empty quotes', () => {
    expect(isHonestTrim(ORIGINAL, 'We hebben ons project nu drie jaar kunnen draaien')).toBe(false);
    expect(isHonestTrim(ORIGINAL, 'niemand weet wat er dan gebeurt … We hebben ons project')).toBe(false);
    expect(isHonestTrim(ORIGINAL, 'We hebben geen project')).toBe(false);
    expect(isHonestTrim(ORIGINAL, '…')).toBe(false);
    expect(isHonestTrim(ORIGINAL, '   ')).toBe(false);
  });
});
