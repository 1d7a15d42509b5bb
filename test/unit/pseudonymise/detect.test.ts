// Detection rules for Dutch transcripts (issue 16 §1), one block per rule,
// with the false friends each rule must leave alone.
import { describe, expect, it } from 'vitest';
import { dutchLexicon } from '../../../src-main/pseudonymise/lexicon.ts';
import { createDetector, type KnownName } from '../../../src-main/pseudonymise/detect.ts';
import { isValidBsn } from '../../../src-main/pseudonymise/patterns.ts';
import { nameVariants, splitName } from '../../../src-main/pseudonymise/names.ts';

const lexicon = dutchLexicon();
const KNOWN: KnownName[] = [
  { entity: 'p1', name: 'Marieke Hoekstra', kind: 'participant' },
  { entity: 'p2', name: 'Jan van der Berg', kind: 'participant' },
  { entity: 'p3', name: 'Sanne Oude Veldhuis', kind: 'participant' },
];
const detector = createDetector(KNOWN, lexicon);
const found = (text: string) => detector.detect(text).map((f) => `${f.category}:${f.text}`);

describe('names the project knows', () => {
  it('finds the full name, first name, surname with tussenvoegsel and initials, all as one entity', () => {
    const text = 'Marieke Hoekstra belde. Later zei Marieke dat Van der Berg kwam, en J. van der Berg tekende. Ook S. Oude Veldhuis en Oude Veldhuis.';
    const hits = detector.detect(text);
    expect(hits.map((h) => [h.text, h.entity])).toEqual([
      ['Marieke Hoekstra', 'p1'], ['Marieke', 'p1'], ['Van der Berg', 'p2'], ['J. van der Berg', 'p2'], ['S. Oude Veldhuis', 'p3'], ['Oude Veldhuis', 'p3'],
    ]);
  });
  it('needs whole words and the capital', () => {
    expect(found('De mariekes en Mariekehof zijn geen namen.')).toEqual([]);
  });
  it('splits names into their parts', () => {
    expect(splitName('Jan van der Berg')).toMatchObject({ first: 'Jan', surname: 'van der Berg', core: 'Berg', prefix: 'van der' });
    expect(nameVariants('Jan van der Berg', (w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w))).toContain('Van der Berg');
    // A surname that is an ordinary word is not matched on its own.
    expect(nameVariants('Jan van der Berg', (w) => lexicon.isOrdinary(w) && !lexicon.isProperNoun(w))).not.toContain('Berg');
  });
});

describe('person rules', () => {
  it('titles: meneer, mevrouw, dokter', () => {
    expect(found('Ik sprak meneer Bakhuis en mevrouw Jansen, en dokter Van Dam.')).toEqual(['person:Bakhuis', 'person:Jansen', 'person:Van Dam']);
  });
  it('"ik ben …", "mijn collega …"', () => {
    expect(found('Ik ben Fatima en mijn collega Anouk werkt ook hier.')).toEqual(['person:Fatima', 'person:Anouk']);
  });
  it('capitalised pairs inside a sentence', () => {
    expect(found('Toen kwam Pieter de Vries langs.')).toEqual(['person:Pieter de Vries']);
  });
  it('false friends: Van at sentence start, Zorg, Samen, month names, sentence-initial words', () => {
    expect(found('Van de gemeente kregen we niks. Zorg is belangrijk. Samen lukt het. In maart begon het, mei ook. Juiste Zorg op de Juiste Plek.')).toEqual([]);
    expect(found('Maart was druk. Mei was rustig.')).toEqual([]);
  });
});

describe('places and organisations', () => {
  it('places from the list, several-word places', () => {
    expect(found('Ik woon in Heerenveen, mijn zus in Den Haag en mijn broer in Bergen op Zoom.')).toEqual(['place:Heerenveen', 'place:Den Haag', 'place:Bergen op Zoom']);
  });
  it('care organisations', () => {
    expect(found('Ze ligt in Ziekenhuis Rivierenland en gaat naar huisartsenpraktijk De Linde.')).toEqual(['organisation:Ziekenhuis Rivierenland', 'organisation:huisartsenpraktijk De Linde']);
  });
  it('no organisation from ordinary words before "Zorg"', () => {
    expect(found('Het gaat om Juiste Zorg en de zorggroep.')).toEqual([]);
  });
});

describe('fixed-shape data', () => {
  it('dates, but not a month on its own', () => {
    expect(found('Op 12 maart 2023 en op 4-3-2023 en 2023-03-04. In maart niet.')).toEqual(['date:12 maart 2023', 'date:4-3-2023', 'date:2023-03-04']);
  });
  it('ages with context, not durations', () => {
    expect(found('Ze is 84 jaar oud, een 92-jarige buurvrouw, een man van 67. Al twintig jaar doe ik dat. Dat is 20 jaar geleden.')).toEqual(['age:84 jaar oud', 'age:92-jarige', 'age:67']);
  });
  it('phone numbers (validated), e-mail, URLs', () => {
    expect(found('Bel 06-12345678 of 020 123 4567. Mail p.devries@zorg.nl, zie www.zorggroep-noord.nl. In 2024 waren er 12345 mensen.'))
      .toEqual(['phone:06-12345678', 'phone:020 123 4567', 'email:p.devries@zorg.nl', 'url:www.zorggroep-noord.nl']);
  });
  it('BSN only with a valid 11-proef', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('111222334')).toBe(false);
    expect(found('BSN 111222333, niet 111222334.')).toEqual(['bsn:111222333']);
  });
  it('IBAN only with a valid checksum, postcodes', () => {
    expect(found('IBAN NL91 ABNA 0417 1643 00, niet NL92 ABNA 0417 1643 00. Postcode 7511 AB of 7511AB.'))
      .toEqual(['iban:NL91 ABNA 0417 1643 00', 'postcode:7511 AB', 'postcode:7511AB']);
  });
});

describe('categories', () => {
  it('a detector limited to some categories finds only those', () => {
    const only = createDetector(KNOWN, lexicon, ['phone']);
    expect(only.detect('Marieke belt 06-12345678.').map((f) => f.category)).toEqual(['phone']);
  });
});
