import { describe, expect, it } from 'vitest';
import { checkQuoteEdit, isHonestTrim, quoteParts } from '../../../src-shared/domain/quote-trim.ts';

const ORIGINAL = 'We hebben ons project nu twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar en niemand weet wat er dan gebeurt.';
const NAMED = 'Ik doe precies wat Marieke Hoekstra zegt, want zij weet hoe het in de wijk gaat.';

describe('honest quote trimming', () => {
  it('accepts cuts marked with an ellipsis, in order', () => {
    expect(isHonestTrim(ORIGINAL, '… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …')).toBe(true);
    expect(isHonestTrim(ORIGINAL, 'We hebben ons project … op transformatiegelden … niemand weet wat er dan gebeurt.')).toBe(true);
    expect(isHonestTrim(ORIGINAL, 'we hebben ons project nu twee jaar [...] niemand weet wat er dan gebeurt')).toBe(true);
    expect(isHonestTrim(ORIGINAL, 'We hebben ons project nu twee jaar (…) niemand weet wat er dan gebeurt.')).toBe(true);
    expect(isHonestTrim(ORIGINAL, ORIGINAL.replace('jaar kunnen', 'jaar\nkunnen'))).toBe(true);
  });

  it('refuses words the speaker did not say, reordering, and empty quotes', () => {
    expect(isHonestTrim(ORIGINAL, 'We hebben ons project nu drie jaar kunnen draaien')).toBe(false);
    expect(isHonestTrim(ORIGINAL, 'niemand weet wat er dan gebeurt … We hebben ons project')).toBe(false);
    expect(isHonestTrim(ORIGINAL, 'We hebben geen project')).toBe(false);
    expect(isHonestTrim(ORIGINAL, '…')).toBe(false);
    expect(isHonestTrim(ORIGINAL, '   ')).toBe(false);
  });

  it('refuses a cut that is not marked: kept words must follow each other', () => {
    // "twee jaar" and "transformatiegelden" are said, but not next to each other.
    expect(isHonestTrim(ORIGINAL, 'twee jaar transformatiegelden')).toBe(false);
    // Parts of words are not words: "ijk" is inside "eigenlijk", "mogelijk" inside "onmogelijk".
    expect(isHonestTrim('Dat is eigenlijk onmogelijk voor ons.', '… mogelijk voor ons.')).toBe(false);
    expect(isHonestTrim('Dat is eigenlijk onmogelijk voor ons.', '… onmogelijk voor ons.')).toBe(true);
  });

  it('marks words dropped at the start or end with an ellipsis in the shown text', () => {
    const r = checkQuoteEdit(ORIGINAL, 'twee jaar kunnen draaien op transformatiegelden');
    expect(r).toMatchObject({ ok: true, text: '… twee jaar kunnen draaien op transformatiegelden …', startsAtBeginning: false, endsAtEnd: false });
    const whole = checkQuoteEdit(ORIGINAL, 'We hebben ons project … niemand weet wat er dan gebeurt.');
    expect(whole).toMatchObject({ ok: true, startsAtBeginning: true, endsAtEnd: true });
    expect(whole.ok && whole.text.startsWith('We hebben')).toBe(true);
  });
});

describe('marked substitutions', () => {
  it('accepts a bracketed replacement of a name, alone or next to cuts', () => {
    expect(checkQuoteEdit(NAMED, 'Ik doe precies wat [collega] zegt, want zij weet hoe het in de wijk gaat.'))
      .toMatchObject({ ok: true, substitutions: ['collega'] });
    expect(isHonestTrim(NAMED, '… precies wat [collega] zegt …')).toBe(true);
    expect(isHonestTrim(NAMED, 'Ik doe precies wat [wijkverpleegkundige] zegt, want [zij] weet … in de wijk gaat.')).toBe(true);
    expect(isHonestTrim(NAMED, '[Ik] doe precies wat [collega] zegt …')).toBe(true);
  });

  it('refuses a bracket that adds words without replacing any, or replaces too much', () => {
    // Nothing replaced: words put in the speaker's mouth.
    expect(isHonestTrim(NAMED, 'Ik doe [nooit] precies wat Marieke Hoekstra zegt …')).toBe(false);
    // A whole clause replaced by a summary is a paraphrase, not a substitution.
    expect(isHonestTrim(NAMED, 'Ik doe precies wat Marieke Hoekstra zegt, [ze is de beste] in de wijk gaat.')).toBe(false);
    expect(isHonestTrim(NAMED, 'Ik doe [wat de gemeente ons zegt] …')).toBe(false);
    // Empty or overlong brackets.
    expect(isHonestTrim(NAMED, 'Ik doe precies wat [] zegt …')).toBe(false);
    expect(isHonestTrim(NAMED, `Ik doe precies wat [${'x'.repeat(41)}] zegt …`)).toBe(false);
    // The words around a substitution must still be said, in order.
    expect(isHonestTrim(NAMED, 'Ik doe nooit wat [collega] zegt …')).toBe(false);
  });

  it('splits a quote into said words, cuts and substitutions for display', () => {
    expect(quoteParts('… wat [collega] zegt …')).toEqual([
      { kind: 'cut', text: '…' }, { kind: 'said', text: ' wat ' }, { kind: 'sub', text: '[collega]' }, { kind: 'said', text: ' zegt ' }, { kind: 'cut', text: '…' },
    ]);
    expect(quoteParts('geen haken')).toEqual([{ kind: 'said', text: 'geen haken' }]);
    expect(quoteParts('[…] en [...]').map((p) => p.kind)).toEqual(['cut', 'said', 'cut']);
  });
});
