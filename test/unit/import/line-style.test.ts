// Subtitle-style transcripts (issue 9 §9): caption lines inside a turn join
// into running text when detected (or asked), and stage directions on their
// own line become note turns without a speaker.
import { describe, expect, it } from 'vitest';
import { isNormalisedText, isValidRange } from '../../../src-shared/domain/text.ts';
import { layOutTurns, type TurnLayout } from '../../../src-main/import/turns.ts';
import { isStageDirection, looksLikeCaptionLines } from '../../../src-main/import/line-style.ts';
import type { Paragraph } from '../../../src-main/import/types.ts';

/** A Dutch video transcript as exported: a caption line per line, labels at the start of a turn. */
const CAPTIONS = [
  'MUZIEK',
  'Interviewer: Goedemiddag, fijn dat u',
  'er bent. Hoe ervaart u',
  'de samenwerking met',
  'de huisarts in de wijk?',
  'Marieke: Nou, dat is eerlijk gezegd',
  'heel wisselend. Soms',
  '[lacht]',
  'soms gaat het prima en',
  'soms hoor ik weken',
  'niets van de praktijk.',
  '(stilte)',
  'Interviewer: En wat zou er',
  'dan moeten veranderen?',
  'Marieke: Meer tijd om',
  'met elkaar te overleggen.',
];

function lay(lines: readonly (string | Paragraph)[], joinLines?: boolean): TurnLayout {
  const layout = layOutTurns(lines.map((l) => (typeof l === 'string' ? { text: l } : l)), { kind: 'auto' }, 'video.txt', joinLines === undefined ? {} : { joinLines });
  expect(isNormalisedText(layout.text)).toBe(true);
  for (const t of layout.turns) expect(isValidRange(layout.text, t.start, t.end)).toBe(true);
  return layout;
}

const view = (layout: TurnLayout) => layout.turns.map((t) => [t.kind, t.label, layout.text.slice(t.start, t.end)]);

describe('caption lines', () => {
  it('are detected and joined into running text; stage directions become notes between the speaker’s turns', () => {
    const layout = lay(CAPTIONS);
    expect(layout.lineBreaks).toEqual({ detected: true, joined: true });
    expect(view(layout)).toEqual([
      ['note', null, 'MUZIEK'],
      ['speech', 'Interviewer', 'Goedemiddag, fijn dat u er bent. Hoe ervaart u de samenwerking met de huisarts in de wijk?'],
      ['speech', 'Marieke', 'Nou, dat is eerlijk gezegd heel wisselend. Soms'],
      ['note', null, '[lacht]'],
      ['speech', 'Marieke', 'soms gaat het prima en soms hoor ik weken niets van de praktijk.'],
      ['note', null, '(stilte)'],
      ['speech', 'Interviewer', 'En wat zou er dan moeten veranderen?'],
      ['speech', 'Marieke', 'Meer tijd om met elkaar te overleggen.'],
    ]);
    // The notes are in the text (offsets stay simple) but are no one's words.
    expect(layout.speakers.map((s) => [s.label, s.turns])).toEqual([['Interviewer', 2], ['Marieke', 3]]);
    const marieke = layout.speakers.find((s) => s.label === 'Marieke')!;
    expect(marieke.characters).toBe(layout.turns.filter((t) => t.label === 'Marieke').reduce((n, t) => n + t.end - t.start, 0));
  });

  it('stay as they are when the user says so, and stage directions are still notes', () => {
    const layout = lay(CAPTIONS, false);
    expect(layout.lineBreaks).toEqual({ detected: true, joined: false });
    expect(view(layout)[1]).toEqual(['speech', 'Interviewer', 'Goedemiddag, fijn dat u\ner bent. Hoe ervaart u\nde samenwerking met\nde huisarts in de wijk?']);
    expect(layout.turns.filter((t) => t.kind === 'note')).toHaveLength(3);
  });

  it('are not detected in a transcript with a paragraph per line, and can still be joined on request', () => {
    const prose = [
      'Interviewer: Hoe ervaart u de samenwerking met de huisarts?',
      'Marieke: Wisselend. Soms gaat het prima.',
      'Op andere momenten hoor ik weken niets.',
      'Dat is lastig voor de mensen in de wijk.',
      'Interviewer: Wat moet er veranderen?',
      'Marieke: Meer tijd om te overleggen.',
      'En een vast aanspreekpunt bij de gemeente.',
      'Dat zou al veel schelen.',
    ];
    const layout = lay(prose);
    expect(layout.lineBreaks).toEqual({ detected: false, joined: false });
    expect(view(layout)[1]).toEqual(['speech', 'Marieke', 'Wisselend. Soms gaat het prima.\nOp andere momenten hoor ik weken niets.\nDat is lastig voor de mensen in de wijk.']);
    expect(view(lay(prose, true))[1]).toEqual(['speech', 'Marieke', 'Wisselend. Soms gaat het prima. Op andere momenten hoor ik weken niets. Dat is lastig voor de mensen in de wijk.']);
  });

  it('without speaker labels are joined too, with no turns (nothing to attribute)', () => {
    const layout = lay(['goedemiddag allemaal en', 'welkom bij deze', 'bijeenkomst over de', 'zorg in de wijk we', 'beginnen met een', 'korte introductie', 'van de wethouder']);
    expect(layout.lineBreaks).toEqual({ detected: true, joined: true });
    expect(layout.turns).toEqual([]);
    expect(layout.text).toBe('goedemiddag allemaal en welkom bij deze bijeenkomst over de zorg in de wijk we beginnen met een korte introductie van de wethouder');
  });

  it('subtitle cues that are only a stage direction become notes in the speaker’s turn', () => {
    const cue = (text: string, ms: number, speaker?: string): Paragraph => ({ text, cue: true, timestampMs: ms, ...(speaker ? { speaker } : {}) });
    const layout = lay([
      cue('Wie wil beginnen?', 0, 'Interviewer'),
      cue('Ik zorg voor mijn moeder.', 2000, 'Fatima'),
      cue('[MUZIEK]', 3000, 'Fatima'),
      cue('En dat valt niet mee.', 4000, 'Fatima'),
    ]);
    expect(view(layout)).toEqual([
      ['speech', 'Interviewer', 'Wie wil beginnen?'],
      ['speech', 'Fatima', 'Ik zorg voor mijn moeder.'],
      ['note', null, '[MUZIEK]'],
      ['speech', 'Fatima', 'En dat valt niet mee.'],
    ]);
  });
});

describe('isStageDirection', () => {
  it('knows bracketed, parenthesised, bare capitals and music', () => {
    for (const s of ['[lacht]', '(stilte)', '[onverstaanbaar]', 'MUZIEK', '[MUZIEK]', 'APPLAUS', '(gelach in de zaal)', '♪ la la ♪', '*zucht*', 'MUSIC']) {
      expect(isStageDirection(s)).toBe(true);
    }
    for (const s of ['Muziek is belangrijk voor mij.', '[00:12:03]', '(00:01)', 'Ja [lacht] dat klopt.', 'NEE', 'Marieke: [lacht]', 'Ik zei (stilte)']) {
      expect(isStageDirection(s)).toBe(false);
    }
  });

  it('looksLikeCaptionLines wants several breaks, mostly mid-sentence, on short lines', () => {
    expect(looksLikeCaptionLines([['een', 'twee', 'drie'], ['vier', 'vijf']])).toBe(false);
    expect(looksLikeCaptionLines([['een en', 'twee en', 'drie en', 'vier en', 'vijf en', 'zes en', 'zeven.']])).toBe(true);
    expect(looksLikeCaptionLines([['Een.', 'Twee.', 'Drie.', 'Vier.', 'Vijf.']])).toBe(false);
  });
});
