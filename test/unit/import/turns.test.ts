import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-shared/errors.ts';
import { isNormalisedText, isValidRange } from '../../../src-shared/domain/text.ts';
import { normaliseText } from '../../../src-main/import/normalise.ts';
import { layOutTurns, sampleOf, type SpeakerMode, type TurnLayout } from '../../../src-main/import/turns.ts';
import { isLabelShape, parseTimestamp } from '../../../src-main/import/speaker-patterns.ts';
import type { Paragraph } from '../../../src-main/import/types.ts';
import { publicFixture } from '../../helpers/public-fixtures.ts';

const AUTO: SpeakerMode = { kind: 'auto' };

/** The invariants every layout keeps (ADR 0003). */
function checkInvariants(layout: TurnLayout): void {
  const { text, turns, speakers } = layout;
  expect(normaliseText(text)).toBe(text);
  expect(isNormalisedText(text)).toBe(true);
  expect(text).not.toMatch(/\n\n\n/);
  expect(text).not.toMatch(/[ \t]$/m);
  let previousEnd = 0;
  for (const turn of turns) {
    expect(turn.start).toBeGreaterThanOrEqual(previousEnd);
    expect(turn.end).toBeGreaterThan(turn.start);
    expect(turn.end).toBeLessThanOrEqual(text.length);
    expect(isValidRange(text, turn.start, turn.end)).toBe(true);
    const slice = text.slice(turn.start, turn.end);
    expect(slice).toBe(slice.trim());
    expect(slice).not.toContain('\n\n');
    previousEnd = turn.end;
  }
  if (turns.length > 0) {
    // Turns cover the whole text, separated by exactly one blank line.
    expect(turns.map((t) => text.slice(t.start, t.end)).join('\n\n')).toBe(text);
    const labels = new Set(speakers.map((s) => s.label));
    for (const turn of turns) if (turn.label !== null) expect(labels.has(turn.label)).toBe(true);
    for (const s of speakers) {
      const own = turns.filter((t) => t.label === s.label);
      expect(own.length).toBe(s.turns);
      expect(own.reduce((n, t) => n + t.end - t.start, 0)).toBe(s.characters);
    }
  } else {
    expect(speakers).toEqual([]);
    expect(layout.convention).toBeNull();
  }
}

function lay(paragraphs: readonly (string | Paragraph)[], mode: SpeakerMode = AUTO, fileName = 'interview.docx'): TurnLayout {
  const layout = layOutTurns(paragraphs.map((p) => (typeof p === 'string' ? { text: p } : p)), mode, fileName);
  checkInvariants(layout);
  return layout;
}

/** [label, text] of every turn. */
function spoken(layout: TurnLayout): [string | null, string][] {
  return layout.turns.map((t) => [t.label, layout.text.slice(t.start, t.end)]);
}

function counts(layout: TurnLayout): Record<string, number> {
  return Object.fromEntries(layout.speakers.map((s) => [s.label, s.turns]));
}

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('parseTimestamp', () => {
  it('reads hh:mm:ss, h:mm:ss, mm:ss and m:ss with optional milliseconds', () => {
    expect(parseTimestamp('00:12:03')).toBe(723_000);
    expect(parseTimestamp('1:02:03')).toBe(3_723_000);
    expect(parseTimestamp('12:03')).toBe(723_000);
    expect(parseTimestamp('0:03')).toBe(3_000);
    expect(parseTimestamp('00:12:03.500')).toBe(723_500);
    expect(parseTimestamp('00:12:03,5')).toBe(723_500);
    expect(parseTimestamp('00:00:01,042')).toBe(1_042);
  });

  it('accepts brackets and parentheses and refuses what is no time', () => {
    expect(parseTimestamp('[00:12:03]')).toBe(723_000);
    expect(parseTimestamp('(12:03)')).toBe(723_000);
    expect(parseTimestamp('12:75')).toBeNull();
    expect(parseTimestamp('Marieke')).toBeNull();
    expect(parseTimestamp('123:00')).toBeNull();
  });
});

describe('isLabelShape', () => {
  it('accepts names, roles, codes and Dutch name particles', () => {
    for (const label of [
      'Marieke', 'MARIEKE', 'Marieke Jansen', 'Dr. De Vries', 'mw. van der Berg', 'Jan van \'t Hof', 'Anne-Marie ter Horst',
      'I', 'R2', 'Interviewer 1', 'respondent', 'Marieke (wethouder)', 'J. de Boer', 'Fatima El Amrani',
    ]) {
      expect(isLabelShape(label), label).toBe(true);
    }
  });

  it('refuses sentences, notes, times and over-long labels', () => {
    for (const label of [
      'Let op', 'Conclusie', 'Tijd', 'Ik zei toen', 'Kijk uit', 'Ja. Nou', 'in Assen', 'http', '10', 'lacht', 'Vraag 3',
      'Een Hele Lange Reeks Woorden', 'Marieke Van Der Berg De Vries Jansen Smit', 'Marieke'.repeat(6),
    ]) {
      expect(isLabelShape(label), label).toBe(false);
    }
  });
});

describe('layOutTurns: colon labels', () => {
  it('lifts "Naam:" labels out of the text, one blank line between turns', () => {
    const layout = lay([
      'Interviewer: Wat betekent Juiste Zorg op de Juiste Plek voor u?',
      'Marieke: Voor mij gaat het vooral om samenwerking in de wijk.',
      'Interviewer: Kunt u een voorbeeld geven?',
      'Marieke: Ja, het sociaal team en de huisarts overleggen elke week.',
    ]);
    expect(layout.convention).toBe('colon-label');
    expect(layout.text).toBe([
      'Wat betekent Juiste Zorg op de Juiste Plek voor u?',
      'Voor mij gaat het vooral om samenwerking in de wijk.',
      'Kunt u een voorbeeld geven?',
      'Ja, het sociaal team en de huisarts overleggen elke week.',
    ].join('\n\n'));
    expect(spoken(layout).map(([label]) => label)).toEqual(['Interviewer', 'Marieke', 'Interviewer', 'Marieke']);
    expect(layout.speakers).toEqual([
      { label: 'Interviewer', turns: 2, characters: 50 + 27, sample: 'Wat betekent Juiste Zorg op de Juiste Plek voor u?' },
      { label: 'Marieke', turns: 2, characters: 52 + 57, sample: 'Voor mij gaat het vooral om samenwerking in de wijk.' },
    ]);
    expect(layout.turns.every((t) => t.timestampMs === null)).toBe(true);
  });

  it('groups labels case-insensitively and shows the spelling seen first', () => {
    const layout = lay([
      'MARIEKE: Goedemorgen.',
      'Interviewer: Goedemorgen, fijn dat u tijd heeft.',
      'Marieke: Graag gedaan.',
      'interviewer:   Zullen we beginnen?',
      'marieke : Prima.',
    ]);
    expect(counts(layout)).toEqual({ MARIEKE: 3, Interviewer: 2 });
    expect(layout.turns.map((t) => t.label)).toEqual(['MARIEKE', 'Interviewer', 'MARIEKE', 'Interviewer', 'MARIEKE']);
    expect(spoken(layout)[3]).toEqual(['Interviewer', 'Zullen we beginnen?']);
  });

  it('handles a duo interview: an interviewer and two respondents', () => {
    const layout = lay([
      'Interviewer: Kunnen jullie je kort voorstellen?',
      'Jan de Vries: Ik ben bestuurder van de zorggroep in Assen.',
      'Fatima El Amrani: En ik ben wijkverpleegkundige.',
      'Interviewer: Hoe werken jullie samen?',
      'Fatima El Amrani: We zien elkaar bij het wijkoverleg.',
      'Jan de Vries: Dat overleg hebben we samen opgezet.',
      'Interviewer: Dank jullie wel.',
    ]);
    expect(counts(layout)).toEqual({ Interviewer: 3, 'Jan de Vries': 2, 'Fatima El Amrani': 2 });
    expect(spoken(layout)[1]).toEqual(['Jan de Vries', 'Ik ben bestuurder van de zorggroep in Assen.']);
  });

  it('knows Dutch name particles and titles', () => {
    const layout = lay([
      'Dr. De Vries: Ik werk als specialist ouderengeneeskunde.',
      'Mw. van der Berg: Ik ben beleidsadviseur bij de gemeente.',
      'Jan van \'t Hof: En ik ben huisarts.',
      'Dr. De Vries: Wij zien veel kwetsbare ouderen.',
      'Mw. van der Berg: Daar hebben we een aanpak voor.',
      'Jan van \'t Hof: Die werkt goed.',
      'Anne-Marie ter Horst: Mag ik daar iets aan toevoegen?',
    ]);
    expect(counts(layout)).toEqual({
      'Dr. De Vries': 2, 'Mw. van der Berg': 2, "Jan van 't Hof": 2, 'Anne-Marie ter Horst': 1,
    });
  });

  it('calls short codes the initials convention (I:/R:, R1/R2, D:/P:)', () => {
    const layout = lay([
      'I: Hoe lang woont u al in Heerenveen?',
      'R1: Sinds 1998.',
      'R2: Ik pas sinds vorig jaar.',
      'I: En bevalt het?',
      'R1: Heel goed.',
      'R2: Ja hoor.',
    ]);
    expect(layout.convention).toBe('initials');
    expect(counts(layout)).toEqual({ I: 2, R1: 2, R2: 2 });
  });

  it('accepts typical labels that occur once and labels written without a space after the colon', () => {
    const layout = lay(['Interviewer: Wat vindt u ervan?', 'Respondent:Goed, eigenlijk.']);
    expect(spoken(layout)).toEqual([['Interviewer', 'Wat vindt u ervan?'], ['Respondent', 'Goed, eigenlijk.']]);
  });

  it('accepts a clearly named one-off speaker once another label recurs, but not a single word or an article and noun', () => {
    const layout = lay([
      'Interviewer: Wie wil er beginnen?',
      'Jan de Vries: Ik wel.',
      'Interviewer: Graag.',
      'Samenwerking: dat is het belangrijkste woord van vandaag.',
      'Jan de Vries: Eens.',
      'Financiering: daar gaat het uiteindelijk om.',
      'De gemeente: die wil wel, maar heeft geen geld.',
      'Dr. Jansen: Mag ik iets aanvullen?',
    ]);
    expect(spoken(layout)).toEqual([
      ['Interviewer', 'Wie wil er beginnen?'],
      ['Jan de Vries', 'Ik wel.'],
      ['Interviewer', 'Graag.\nSamenwerking: dat is het belangrijkste woord van vandaag.'],
      ['Jan de Vries', 'Eens.\nFinanciering: daar gaat het uiteindelijk om.\nDe gemeente: die wil wel, maar heeft geen geld.'],
      ['Dr. Jansen', 'Mag ik iets aanvullen?'],
    ]);
  });

  it('reads Dutch parliamentary labels: "De voorzitter:", "Mevrouw Bouwmeester (PvdA):"', () => {
    const layout = lay([
      'De voorzitter:', 'Ik geef het woord aan mevrouw Bouwmeester.',
      'Mevrouw Bouwmeester (PvdA):', 'Voorzitter. Dank u wel.',
      'De voorzitter:', 'Dank u wel.',
      'De heer Van der Staaij (SGP): Ik heb een vraag.',
      'De voorzitter: Gaat uw gang.',
    ]);
    expect(counts(layout)).toEqual({ 'De voorzitter': 3, 'Mevrouw Bouwmeester (PvdA)': 1, 'De heer Van der Staaij (SGP)': 1 });
  });

  it('keeps a role in parentheses as part of the label', () => {
    const layout = lay([
      'Marieke (wethouder): Wij financieren de pilot.',
      'Interviewer: Voor hoe lang?',
      'Marieke (wethouder): Twee jaar.',
      'Interviewer: Dank u. En de gemeente?',
      'Marieke van der Berg-Jansen (wethouder zorg en welzijn): Die draagt bij.',
      'Interviewer: Dank u.',
    ]);
    expect(counts(layout)).toEqual({ 'Marieke (wethouder)': 2, Interviewer: 3, 'Marieke van der Berg-Jansen (wethouder zorg en welzijn)': 1 });
  });

  it('turns text before the first label into an unlabeled turn', () => {
    const layout = lay([
      'Transcript interview 3',
      'Datum: 14 maart 2025',
      'Locatie: Zoetermeer',
      'Interviewer: Zullen we beginnen?',
      'Respondent: Ja, prima.',
      'Interviewer: Wat is uw functie?',
      'Respondent: Ik ben programmamanager.',
    ]);
    expect(spoken(layout)[0]).toEqual([null, 'Transcript interview 3\nDatum: 14 maart 2025\nLocatie: Zoetermeer']);
    expect(layout.turns[0]?.label).toBeNull();
    expect(counts(layout)).toEqual({ Interviewer: 2, Respondent: 2 });
  });

  it('treats a one-off label above the conversation as a header, not a speaker', () => {
    const layout = lay([
      'Interviewer: Els de Boer',
      'I: Hoe is het project begonnen?',
      'R: Met een subsidie van de zorgverzekeraar.',
      'I: En daarna?',
      'R: Daarna hebben we het zelf betaald.',
    ]);
    expect(spoken(layout)[0]).toEqual([null, 'Interviewer: Els de Boer']);
    expect(counts(layout)).toEqual({ I: 2, R: 2 });
  });

  it('joins the paragraphs of one turn with a single line break', () => {
    const layout = lay([
      'Interviewer: Wat is er nodig om verder te komen?',
      'Respondent: Drie dingen.',
      'Ten eerste structurele financiering.',
      '',
      'Ten tweede tijd om te leren.',
      'Interviewer: En de derde?',
      'Respondent: Vertrouwen tussen de partners.',
    ]);
    expect(spoken(layout)[1]).toEqual(['Respondent', 'Drie dingen.\nTen eerste structurele financiering.\nTen tweede tijd om te leren.']);
  });

  it('finds labels on the lines inside one paragraph (a plain-text block)', () => {
    const layout = lay(['I: Hoe oud bent u?\nR: Zevenenzestig.\nI: En woont u alleen?\nR: Ja, sinds mijn man overleed.']);
    expect(spoken(layout)).toEqual([
      ['I', 'Hoe oud bent u?'], ['R', 'Zevenenzestig.'], ['I', 'En woont u alleen?'], ['R', 'Ja, sinds mijn man overleed.'],
    ]);
  });

  it('drops a label with no words and merges nothing else', () => {
    const layout = lay([
      'Interviewer: Hoe ging dat?',
      'Marieke:',
      'Interviewer: Neem gerust de tijd.',
      'Marieke: Het ging moeizaam.',
      'Marieke: Maar het werkt nu.',
    ]);
    expect(spoken(layout)).toEqual([
      ['Interviewer', 'Hoe ging dat?'], ['Interviewer', 'Neem gerust de tijd.'], ['Marieke', 'Het ging moeizaam.'], ['Marieke', 'Maar het werkt nu.'],
    ]);
  });

  it('normalises the pieces: CRLF, BOM, NFD, trailing spaces', () => {
    const layout = lay(['\uFEFFInterviewer: Hoe is het met u?   \r\nGaat het?', 'Respondent: Goed, dank je. Ik ben cafe\u0301houder.\r\n\r\n\r\n', 'Interviewer: Mooi.', 'Respondent: Ja.']);
    expect(spoken(layout)[0]).toEqual(['Interviewer', 'Hoe is het met u?\nGaat het?']);
    expect(spoken(layout)[1]).toEqual(['Respondent', 'Goed, dank je. Ik ben caf\u00e9houder.']);
  });
});

describe('layOutTurns: false positives', () => {
  it('does not take notes, times, URLs or sentences with a colon for speakers', () => {
    const layout = lay([
      'Interviewer: Hoe ziet uw week eruit?',
      'Marieke: Druk. Let op: dit is mijn eigen indruk.',
      'Let op: de opname viel hier even weg.',
      'Tijd: 10:30',
      'Interviewer: Waar vind ik het plan?',
      'Marieke: Op de website.',
      'https://www.gezondtexel.nl/plan staat alles.',
      'Ik zei toen: dat gaan we gewoon doen.',
      'Conclusie: we moeten meer samenwerken.',
      'Om 10:30 begon het overleg.',
    ]);
    expect(counts(layout)).toEqual({ Interviewer: 2, Marieke: 2 });
    expect(spoken(layout)[1]).toEqual(['Marieke', 'Druk. Let op: dit is mijn eigen indruk.\nLet op: de opname viel hier even weg.\nTijd: 10:30']);
    expect(spoken(layout)[3]?.[1]).toBe([
      'Op de website.',
      'https://www.gezondtexel.nl/plan staat alles.',
      'Ik zei toen: dat gaan we gewoon doen.',
      'Conclusie: we moeten meer samenwerken.',
      'Om 10:30 begon het overleg.',
    ].join('\n'));
  });

  it('finds no speakers in prose with colons', () => {
    const layout = lay([
      'Verslag van de bijeenkomst in Twente',
      'Let op: dit verslag is nog niet vastgesteld.',
      'Conclusie: de partners willen doorgaan.',
      'Tijd: 10:30',
      'Zie: https://example.org/verslag',
      'Aanwezig: gemeente, zorgverzekeraar, huisartsen.',
    ]);
    expect(layout.turns).toEqual([]);
    expect(layout.convention).toBeNull();
    expect(layout.text).toBe([
      'Verslag van de bijeenkomst in Twente',
      'Let op: dit verslag is nog niet vastgesteld.',
      'Conclusie: de partners willen doorgaan.',
      'Tijd: 10:30',
      'Zie: https://example.org/verslag',
      'Aanwezig: gemeente, zorgverzekeraar, huisartsen.',
    ].join('\n\n'));
  });

  it('does not believe a single name-like label that never recurs', () => {
    const layout = lay(['Marieke: dit is een notitie bij het interview.', 'Daarna volgt de rest van de tekst.']);
    expect(layout.turns).toEqual([]);
    expect(layout.text).toBe('Marieke: dit is een notitie bij het interview.\n\nDaarna volgt de rest van de tekst.');
  });

  it('keeps numbered questions of an interview guide in the text', () => {
    const layout = lay([
      'Vraag 1: Wat verstaat u onder JZOJP?',
      'Interviewer: Laten we met de eerste vraag beginnen.',
      'Respondent: Zorg dichtbij huis.',
      'Vraag 2: Wat merkt u ervan?',
      'Interviewer: En de tweede?',
      'Respondent: Minder verwijzingen.',
    ]);
    expect(counts(layout)).toEqual({ Interviewer: 2, Respondent: 2 });
    expect(spoken(layout)[2]).toEqual(['Respondent', 'Zorg dichtbij huis.\nVraag 2: Wat merkt u ervan?']);
  });
});

describe('layOutTurns: timestamps', () => {
  it('lifts timestamps before or after the label into the turn', () => {
    const layout = lay([
      '[00:12:03] Marieke: Dat is lastig.',
      'Interviewer [00:12:10]: Waarom?',
      '(00:12:15) Marieke: Omdat de financiering per jaar is.',
      'Interviewer (00:12:30): Wat zou helpen?',
      '00:12:41.500 Marieke: Meerjarige afspraken.',
      'Interviewer: [00:13:02] Dank u.',
    ]);
    expect(layout.turns.map((t) => t.timestampMs)).toEqual([723_000, 730_000, 735_000, 750_000, 761_500, 782_000]);
    expect(spoken(layout).map(([, s]) => s)).toEqual([
      'Dat is lastig.', 'Waarom?', 'Omdat de financiering per jaar is.', 'Wat zou helpen?', 'Meerjarige afspraken.', 'Dank u.',
    ]);
    expect(counts(layout)).toEqual({ Marieke: 3, Interviewer: 3 });
  });

  it('reads label lines of transcription services: the text follows on the next paragraph', () => {
    const layout = lay([
      'Interview gemeente Assen',
      'Interviewer  00:00:05',
      'Fijn dat u er bent.',
      'Marieke de Boer  00:00:09',
      'Graag.',
      'Ik heb wel tot twaalf uur.',
      'Interviewer  00:01:23',
      'Dan beginnen we meteen.',
      'Marieke de Boer  1:02:03',
      'Goed.',
    ]);
    expect(layout.convention).toBe('label-line');
    expect(spoken(layout)).toEqual([
      [null, 'Interview gemeente Assen'],
      ['Interviewer', 'Fijn dat u er bent.'],
      ['Marieke de Boer', 'Graag.\nIk heb wel tot twaalf uur.'],
      ['Interviewer', 'Dan beginnen we meteen.'],
      ['Marieke de Boer', 'Goed.'],
    ]);
    expect(layout.turns.map((t) => t.timestampMs)).toEqual([null, 5_000, 9_000, 83_000, 3_723_000]);
  });

  it('reads label lines with brackets, a time first, or a bare "Naam:" line', () => {
    expect(spoken(lay(['Speaker 1 [00:00:05]', 'Hallo.', 'Speaker 2 [00:00:07]', 'Hoi.', 'Speaker 1 [00:00:09]', 'Zullen we?']))).toEqual([
      ['Speaker 1', 'Hallo.'], ['Speaker 2', 'Hoi.'], ['Speaker 1', 'Zullen we?'],
    ]);
    expect(spoken(lay(['00:00:05 Els', 'Welkom.', '00:00:08 Ruud', 'Dank je.', '00:00:10 Els', 'Eerste vraag.', '00:00:15 Ruud', 'Ja.']))).toEqual([
      ['Els', 'Welkom.'], ['Ruud', 'Dank je.'], ['Els', 'Eerste vraag.'], ['Ruud', 'Ja.'],
    ]);
    const colonLines = lay(['Interviewer:', 'Hoe gaat het?', 'Marieke [00:00:12]:', 'Goed.', 'Interviewer:', 'Mooi.', 'Marieke:', 'Ja.']);
    expect(spoken(colonLines)).toEqual([['Interviewer', 'Hoe gaat het?'], ['Marieke', 'Goed.'], ['Interviewer', 'Mooi.'], ['Marieke', 'Ja.']]);
    expect(colonLines.turns[1]?.timestampMs).toBe(12_000);
  });

  it('reads "00:12:03 - Naam:" and a label followed only by its time', () => {
    const layout = lay([
      '00:12:03 - Marieke: Dat klopt.',
      '00:12:09 - Interviewer: En verder?',
      'Marieke: 00:12:15',
      'Verder niets.',
      'Interviewer: 00:12:20',
    ]);
    expect(spoken(layout)).toEqual([['Marieke', 'Dat klopt.'], ['Interviewer', 'En verder?'], ['Marieke', 'Verder niets.']]);
    expect(layout.turns.map((t) => t.timestampMs)).toEqual([723_000, 729_000, 735_000]);
  });

  it('does not take a bullet "- Kosten:" in a document for a label', () => {
    const layout = lay(['I: Wat kost het?', 'R: Twee posten.', '- Kosten: hoog', '- Baten: onzeker', 'I: Dank u.', 'R: Graag.']);
    expect(spoken(layout)[1]).toEqual(['R', 'Twee posten.\n- Kosten: hoog\n- Baten: onzeker']);
  });

  it('leaves timestamps without speakers in the text', () => {
    const layout = lay(['[00:00:05] Welkom bij dit gesprek.', '[00:00:09] We beginnen zo.']);
    expect(layout.turns).toEqual([]);
    expect(layout.text).toBe('[00:00:05] Welkom bij dit gesprek.\n\n[00:00:09] We beginnen zo.');
  });
});

describe('layOutTurns: bracket labels', () => {
  it('reads "[Naam] tekst" and skips bracketed annotations', () => {
    const layout = lay([
      '[Interviewer] Hoe kijkt u terug op het project?',
      '[Marieke] [lacht] Met gemengde gevoelens.',
      '[lacht] Nee echt.',
      '[Interviewer] Waarom?',
      '[Marieke]: Door [naam organisatie] liep het anders.',
    ]);
    expect(layout.convention).toBe('bracket-label');
    expect(spoken(layout)).toEqual([
      ['Interviewer', 'Hoe kijkt u terug op het project?'],
      ['Marieke', '[lacht] Met gemengde gevoelens.\n[lacht] Nee echt.'],
      ['Interviewer', 'Waarom?'],
      ['Marieke', 'Door [naam organisatie] liep het anders.'],
    ]);
  });

  it('reads the public QualCoder example transcript ([id1] … [id3])', () => {
    const raw = new TextDecoder('utf-8').decode(readFileSync(publicFixture('qualcoder-examples/transcript.txt')));
    const lines = raw.split(/\r?\n/);
    const layout = lay(lines, AUTO, 'transcript.txt');
    expect(layout.convention).toBe('bracket-label');
    const expected: Record<string, number> = {};
    for (const line of lines) {
      const m = /^\[(id\d+)\]/.exec(line);
      if (m?.[1]) expected[m[1]] = (expected[m[1]] ?? 0) + 1;
    }
    expect(Object.keys(expected).sort()).toEqual(['id1', 'id2', 'id3']);
    expect(counts(layout)).toEqual(expected);
    expect(layout.text).not.toMatch(/\[id\d\]/);
    expect(layout.text.startsWith('hello, I like the course.')).toBe(true);
  });
});

describe('layOutTurns: bold labels', () => {
  it('reads bold labels with and without a colon', () => {
    const layout = lay([
      { text: 'Interviewer: Hoe lang werkt u hier al?', boldPrefix: 'Interviewer:' },
      { text: 'Marieke Ik werk hier sinds 2019.', boldPrefix: 'Marieke' },
      { text: 'Interviewer: En daarvoor?', boldPrefix: 'Interviewer: ' },
      { text: 'Marieke: Bij de GGD.', boldPrefix: 'Marieke' },
    ]);
    expect(layout.convention).toBe('bold-label');
    expect(spoken(layout)).toEqual([
      ['Interviewer', 'Hoe lang werkt u hier al?'], ['Marieke', 'Ik werk hier sinds 2019.'], ['Interviewer', 'En daarvoor?'], ['Marieke', 'Bij de GGD.'],
    ]);
  });

  it('reads a bold label alone in its paragraph and a time in the bold run', () => {
    const layout = lay([
      { text: 'Interviewer', boldPrefix: 'Interviewer' },
      'Wat is uw rol in de leerregio?',
      { text: 'Marieke (00:03:10):', boldPrefix: 'Marieke (00:03:10):' },
      'Ik coördineer het programma.',
      'Daarnaast ben ik adviseur.',
      { text: 'Interviewer', boldPrefix: 'Interviewer' },
      'Dank u.',
      { text: 'Marieke', boldPrefix: 'Marieke' },
      'Graag gedaan.',
    ]);
    expect(spoken(layout)).toEqual([
      ['Interviewer', 'Wat is uw rol in de leerregio?'],
      ['Marieke', 'Ik coördineer het programma.\nDaarnaast ben ik adviseur.'],
      ['Interviewer', 'Dank u.'],
      ['Marieke', 'Graag gedaan.'],
    ]);
    expect(layout.turns[1]?.timestampMs).toBe(190_000);
  });

  it('does not take bold questions, bold headings or emphasis for labels', () => {
    const layout = lay([
      { text: 'Samenwerking', boldPrefix: 'Samenwerking' },
      { text: 'Hoe verloopt de samenwerking met de gemeente?', boldPrefix: 'Hoe verloopt de samenwerking met de gemeente?' },
      'Die verloopt goed.',
      { text: 'Financiering', boldPrefix: 'Financiering' },
      { text: 'Echt niet, zei ze.', boldPrefix: 'Echt' },
      { text: 'Wie betaalt de pilot?', boldPrefix: 'Wie betaalt de pilot?' },
      'De zorgverzekeraar.',
    ]);
    expect(layout.turns).toEqual([]);
    expect(layout.text.split('\n\n')).toHaveLength(7);
  });
});

describe('layOutTurns: subtitles and voice tags', () => {
  it('joins consecutive cues of one voice into a turn with the first cue time', () => {
    const layout = lay([
      { text: 'Goedemiddag,', speaker: 'Interviewer', timestampMs: 1_000, cue: true },
      { text: 'fijn dat u er bent.', speaker: 'Interviewer', timestampMs: 2_000, cue: true },
      { text: 'Graag gedaan.', speaker: 'Marieke', timestampMs: 4_000, cue: true },
      { text: 'Zullen we\nbeginnen?', speaker: 'interviewer', timestampMs: 5_500, cue: true },
      { text: 'Ja.', speaker: 'Marieke', timestampMs: 7_000, cue: true },
    ], AUTO, 'gesprek.vtt');
    expect(layout.convention).toBe('voice-tag');
    expect(spoken(layout)).toEqual([
      ['Interviewer', 'Goedemiddag, fijn dat u er bent.'], ['Marieke', 'Graag gedaan.'], ['Interviewer', 'Zullen we beginnen?'], ['Marieke', 'Ja.'],
    ]);
    expect(layout.turns.map((t) => t.timestampMs)).toEqual([1_000, 4_000, 5_500, 7_000]);
  });

  it('reads "Naam:" and "- Naam:" inside cues; cues without a name continue the turn', () => {
    const layout = lay([
      { text: 'INTERVIEWER: Wat doet u precies?', timestampMs: 10_000, cue: true },
      { text: '- Marieke: Ik ben wijkverpleegkundige', timestampMs: 12_000, cue: true },
      { text: 'in Noordkop.', timestampMs: 14_000, cue: true },
      { text: 'Interviewer: Sinds wanneer?', timestampMs: 16_000, cue: true },
      { text: 'Marieke: Sinds 2020.', timestampMs: 18_000, cue: true },
    ], AUTO, 'gesprek.srt');
    expect(layout.convention).toBe('subtitle');
    expect(spoken(layout)).toEqual([
      ['INTERVIEWER', 'Wat doet u precies?'], ['Marieke', 'Ik ben wijkverpleegkundige in Noordkop.'], ['INTERVIEWER', 'Sinds wanneer?'], ['Marieke', 'Sinds 2020.'],
    ]);
    expect(layout.turns.map((t) => t.timestampMs)).toEqual([10_000, 12_000, 16_000, 18_000]);
  });

  it('breaks a long turn of cues into paragraphs at pauses', () => {
    const layout = lay([
      { text: 'Eerst dit.', speaker: 'Marieke', timestampMs: 0, cue: true },
      { text: 'En dan dat.', speaker: 'Marieke', timestampMs: 1_000, cue: true },
      { text: 'Na een lange stilte.', speaker: 'Marieke', timestampMs: 9_000, cue: true },
      { text: 'Ja.', speaker: 'Interviewer', timestampMs: 11_000, cue: true },
    ]);
    expect(spoken(layout)).toEqual([['Marieke', 'Eerst dit. En dan dat.\nNa een lange stilte.'], ['Interviewer', 'Ja.']]);
  });

  it('gives cues without speakers no turns: paragraphs split at pauses longer than 2 s', () => {
    const layout = lay([
      { text: 'Welkom bij', timestampMs: 0, cue: true },
      { text: 'deze bijeenkomst.', timestampMs: 1_000, cue: true },
      { text: 'We beginnen met', timestampMs: 6_000, cue: true },
      { text: 'een rondje.', timestampMs: 7_200, cue: true },
    ], AUTO, 'film.srt');
    expect(layout.turns).toEqual([]);
    expect(layout.text).toBe('Welkom bij deze bijeenkomst.\n\nWe beginnen met een rondje.');
  });

  it('ignores voice tags in mode none', () => {
    const layout = lay([
      { text: 'Hallo.', speaker: 'Els', timestampMs: 0, cue: true },
      { text: 'Hoi.', speaker: 'Ruud', timestampMs: 500, cue: true },
    ], { kind: 'none' });
    expect(layout.turns).toEqual([]);
    expect(layout.text).toBe('Hallo. Hoi.');
  });
});

describe('layOutTurns: modes', () => {
  const interview = ['Interviewer: Hoe gaat het?', 'Marieke: Goed.', 'Interviewer: Fijn.', 'Marieke: Ja.'];

  it('returns an empty layout for no paragraphs or only white space', () => {
    const empty = { text: '', turns: [], speakers: [], convention: null, lineBreaks: { detected: false, joined: false } };
    expect(lay([])).toEqual(empty);
    expect(lay(['', '   ', '\n\n'])).toEqual(empty);
    expect(lay(['Interviewer:', 'Respondent:'])).toEqual(empty);
  });

  it('mode none keeps the paragraphs as they are, without turns', () => {
    const layout = lay(interview, { kind: 'none' });
    expect(layout.turns).toEqual([]);
    expect(layout.text).toBe(interview.join('\n\n'));
  });

  it('mode pattern uses the label and time groups, matched at the start of each line', () => {
    const layout = lay([
      'Opname 12 maart',
      '#Els# 00:01 Hoe gaat het?',
      '#Ruud# 00:04 Goed. #Els# zei dat al.',
      '#Els# 00:09 Mooi.',
    ], { kind: 'pattern', pattern: String.raw`#(?<label>[^#]{1,30})#\s+(?<time>\d\d:\d\d)\s*` });
    expect(layout.convention).toBe('pattern');
    expect(spoken(layout)).toEqual([[null, 'Opname 12 maart'], ['Els', 'Hoe gaat het?'], ['Ruud', 'Goed. #Els# zei dat al.'], ['Els', 'Mooi.']]);
    expect(layout.turns.map((t) => t.timestampMs)).toEqual([null, 1_000, 4_000, 9_000]);
  });

  it('mode pattern believes even a single label, and falls back to plain text when nothing matches', () => {
    expect(counts(lay(['Spreker A > Hallo.', 'Verder niets.'], { kind: 'pattern', pattern: '(?<label>Spreker \\w) > ' }))).toEqual({ 'Spreker A': 1 });
    const none = lay(interview, { kind: 'pattern', pattern: '(?<label>Q\\d):' });
    expect(none.turns).toEqual([]);
    expect(none.text).toBe(interview.join('\n\n'));
  });

  it('refuses an invalid pattern with import.bad_pattern naming the file', () => {
    const err = catchError(() => layOutTurns([{ text: 'x' }], { kind: 'pattern', pattern: '(?<label>[a-z' }, 'interview 7.docx'));
    expect(err.code).toBe('import.bad_pattern');
    expect(err.params.file).toBe('interview 7.docx');
    expect(err.params.pattern).toBe('(?<label>[a-z');
    expect(String(err.params.detail)).toMatch(/missing closing \]/);
  });

  it('refuses a pattern without a label group, and lookaround or back-references, each with its own message', () => {
    const missing = catchError(() => layOutTurns([{ text: 'x' }], { kind: 'pattern', pattern: '(?<name>\\w+):' }, 'a.txt'));
    expect(missing.code).toBe('import.pattern_no_label');
    expect(missing.params).toEqual({ file: 'a.txt', pattern: '(?<name>\\w+):' });
    expect(catchError(() => layOutTurns([{ text: 'x' }], { kind: 'pattern', pattern: '(\\w+):' }, 'a.txt')).code).toBe('import.pattern_no_label');
    for (const [pattern, construct] of [['(?<label>\\w+)(?=:)', '(?='], ['(?<label>\\w+)(?!x):', '(?!'], ['(?<=>)(?<label>\\w+):', '(?<='], ['(?<label>(\\w)\\1):', '\\1']]) {
      const err = catchError(() => layOutTurns([{ text: 'x' }], { kind: 'pattern', pattern: pattern! }, 'b.txt'));
      expect(err.code).toBe('import.pattern_unsupported');
      expect(err.params).toEqual({ file: 'b.txt', pattern, construct });
    }
  });

  it('runs a catastrophic pattern in linear time: (a|a)*b and (a+)+ on long lines of a', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${'a'.repeat(60 + (i % 100))}${i % 7 === 0 ? 'b: hallo' : ''}`);
    for (const pattern of ['(?<label>(a|a)*b)', '(?<label>(a+)+)b: ', '^(?<label>(?:a|aa)*)c']) {
      const started = performance.now();
      const layout = lay(lines, { kind: 'pattern', pattern });
      expect(performance.now() - started).toBeLessThan(5_000);
      checkInvariants(layout);
    }
    // The first one finds its labels (and only them): every seventh line.
    expect(lay(lines, { kind: 'pattern', pattern: '(?<label>(a|a)*b): ' }).turns.filter((t) => t.label !== null)).toHaveLength(Math.ceil(2000 / 7));
  });

  it('applies a pattern to subtitle cues', () => {
    const layout = lay([
      { text: '>> ELS: Welkom.', timestampMs: 0, cue: true },
      { text: 'Fijn dat je er bent.', timestampMs: 1_000, cue: true },
      { text: '>> RUUD: Dank je.', timestampMs: 2_000, cue: true },
    ], { kind: 'pattern', pattern: '>> (?<label>[A-Z]+): ' }, 'tv.srt');
    expect(spoken(layout)).toEqual([['ELS', 'Welkom. Fijn dat je er bent.'], ['RUUD', 'Dank je.']]);
    expect(layout.convention).toBe('pattern');
  });

  it('also checks the pattern for subtitle files', () => {
    const err = catchError(() => layOutTurns([{ text: 'x', cue: true }], { kind: 'pattern', pattern: '(' }, 'c.srt'));
    expect(err.code).toBe('import.bad_pattern');
  });
});

describe('layOutTurns: offsets', () => {
  it('keeps offsets right around emoji and other surrogate pairs', () => {
    const layout = lay([
      '👋 Welkom bij interview 𝒳',
      'Interviewer: Hoe voelt u zich? 😀',
      'Marieke 🙂: nee',
      'Marieke: Goed 👍🏽 echt waar.',
      'Interviewer: 𝒳 marks the spot 🎉',
      'Marieke: 🚑',
    ]);
    expect(spoken(layout)).toEqual([
      [null, '👋 Welkom bij interview 𝒳'],
      ['Interviewer', 'Hoe voelt u zich? 😀\nMarieke 🙂: nee'],
      ['Marieke', 'Goed 👍🏽 echt waar.'],
      ['Interviewer', '𝒳 marks the spot 🎉'],
      ['Marieke', '🚑'],
    ]);
  });

  it('cuts samples at a word boundary and never inside a surrogate pair', () => {
    const long = 'Wij hebben in de regio een gezamenlijke agenda opgesteld met gemeente, zorgverzekeraar, huisartsen en het ziekenhuis om preventie te versterken.';
    const layout = lay([`Interviewer: ${long}`, 'Marieke: Ja.', 'Interviewer: Goed.', 'Marieke: Nee.']);
    const sample = layout.speakers[0]?.sample ?? '';
    expect(sample.endsWith('…')).toBe(true);
    expect(sample.length).toBeLessThanOrEqual(121);
    expect(long.startsWith(sample.slice(0, -1))).toBe(true);
    expect(long.charAt(sample.length - 1)).toBe(' ');
    const emojis = '😀'.repeat(100);
    const cut = sampleOf(emojis, { start: 0, end: emojis.length });
    expect(cut.slice(0, -1).isWellFormed()).toBe(true);
  });
});

/** Reads a text file as the extractors would: UTF-16LE when it has that BOM, UTF-8 otherwise. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
}

describe('layOutTurns: public ParlaMint-NL health debate (derived plain transcripts)', () => {
  const variants: [string, string][] = [
    ['NL_zorg_debat_utf8_lf.txt', 'utf-8'],
    ['NL_zorg_debat_utf8-bom_crlf.txt', 'utf-8'],
    ['NL_zorg_debat_windows-1252_crlf.txt', 'windows-1252'],
    ['NL_zorg_debat_utf16le-bom_crlf.txt', 'utf-16le'],
  ];
  const layOut = ([file, encoding]: [string, string]) =>
    lay(new TextDecoder(encoding).decode(readFileSync(publicFixture('parlamint-nl-zorgdebat/derived', file))).split(/\r?\n/), AUTO, file);
  for (const variant of variants) {
    const [file] = variant;
    it(`finds the chair and the speaker in ${file}`, () => {
      const layout = layOut(variant);
      expect(layout.convention).toBe('colon-label');
      expect(counts(layout)).toEqual({ 'De voorzitter': 3, 'Mevrouw Bouwmeester (PvdA)': 1 });
      expect(spoken(layout)[0]?.[0]).toBeNull();
      expect(spoken(layout)[0]?.[1]).toMatch(/^Tweede Kamer, vergadering 45/);
      expect(layout.text).toContain('Dit alles — de dingen die nog niet goed gaan —');
      // Every encoding gives the same text and turns as the plain UTF-8 file.
      const reference = layOut(variants[0]!);
      expect(layout.text).toBe(reference.text);
      expect(layout.turns).toEqual(reference.turns);
    });
  }
});

describe('layOutTurns: public OSCE medical interviews (D:/P:)', () => {
  // RES0092 writes one patient label as "p:" (grouped with "P:"); RES0002/RES0054 are UTF-16LE.
  const files = ['CAR0001.txt', 'GAS0001.txt', 'RES0001.txt', 'RES0002.txt', 'RES0054.txt', 'RES0061.txt', 'MSK0029.txt', 'RES0092.txt', 'RES0192.txt'];
  for (const file of files) {
    it(`finds the doctor and patient turns in ${file}`, () => {
      const lines = readText(publicFixture('osce-medical-interviews-en/transcripts', file)).split(/\r?\n/);
      const layout = lay(lines, AUTO, file);
      expect(layout.convention).toBe('initials');
      // The files' own irregular labels ("D:OK", "P:: ", "D : ") count as labels; "D;" and "P No." do not.
      const expected: Record<string, number> = {};
      for (const line of lines) {
        const m = /^\uFEFF?([DP]) ?:{1,2}/i.exec(line);
        const label = m?.[1]?.toUpperCase();
        if (label) expected[label] = (expected[label] ?? 0) + 1;
      }
      expect(counts(layout)).toEqual(expected);
      expect(layout.turns.length).toBe((expected.D ?? 0) + (expected.P ?? 0));
      expect(layout.turns[0]?.label).toBe('D');
      expect(layout.text).not.toMatch(/^[DP]:/m);
    });
  }
});

describe('layOutTurns: speed', () => {
  it('lays out a 60,000-word transcript in linear time', () => {
    // Measured on the dev machine (Node 22, warm): about 25 ms for these 60,000
    // words in 3,000 turns (plain text without labels ~10 ms, 60,000 words of
    // voice-tagged cues ~17 ms); all 272 OSCE files take ~0.3 ms each. So 500
    // files of 8,000 words take about 2 s in one worker.
    const words = 'dat vind ik een goede vraag want in onze regio werken we al jaren samen met de huisartsen en het ziekenhuis'.split(' ');
    const transcript = (wordCount: number): Paragraph[] => {
      const paragraphs: Paragraph[] = [{ text: 'Transcript interview 12, leerregio Twente' }];
      let count = 0;
      for (let turn = 0; count < wordCount; turn += 1) {
        const label = turn % 2 === 0 ? 'Interviewer' : turn % 4 === 1 ? 'Marieke van der Berg' : 'Jan';
        const body: string[] = [];
        for (let i = 0; i < 20; i += 1) body.push(words[(turn + i) % words.length] ?? '');
        count += body.length;
        paragraphs.push({ text: `[00:${String(turn % 60).padStart(2, '0')}:00] ${label}: ${body.join(' ')}.` });
      }
      return paragraphs;
    };
    /** The fastest of three runs (the least disturbed by other work on the machine). */
    const time = (paragraphs: Paragraph[]) => Math.min(...[1, 2, 3].map(() => {
      const started = performance.now();
      layOutTurns(paragraphs, AUTO, 'groot.txt');
      return performance.now() - started;
    }));
    const paragraphs = transcript(60_000);
    const layout = layOutTurns(paragraphs, AUTO, 'groot.txt');
    checkInvariants(layout);
    expect(layout.turns.length).toBe(paragraphs.length);
    expect(counts(layout)).toEqual({ Interviewer: 1500, 'Marieke van der Berg': 750, Jan: 750 });
    // Linear: four times the words take about four times as long (quadratic work would take about sixteen
    // times); the bound leaves room for a busy machine. And never seconds, whatever the machine.
    const small = time(paragraphs);
    const large = time(transcript(240_000));
    expect(large).toBeLessThan(Math.max(10 * small, 40));
    expect(large).toBeLessThan(5_000);
  });
});
