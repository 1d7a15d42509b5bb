// The in-passage matcher: exact ranges of words, inflections, phrases and
// prefixes in plain strings, with the boolean query applied per passage.
import { describe, expect, it } from 'vitest';
import { Matcher, isWordStart, needleFor, needlePrefix } from '../../src-main/search/match.ts';
import { fold, foldedStem, parseQuery } from '../../src-main/search/query.ts';
import { plain } from '../../src-main/search/tokens.ts';

/** The matched substrings of a query in one passage (the whole text), or null. */
function found(query: string, text: string): string[] | null {
  const ranges = new Matcher(parseQuery(query)).matchPassage(text, 0, text.length);
  if (ranges) for (const r of ranges) expect(r.end).toBeGreaterThan(r.start);
  return ranges && ranges.map((r) => text.slice(r.start, r.end));
}

describe('words', () => {
  it('finds the word and its inflections, both ways (huisarts ↔ huisartsen)', () => {
    const text = 'De huisarts belde. Twee huisartsen, één Huisartsenpraktijk en een HUISARTS.';
    expect(found('huisarts', text)).toEqual(['huisarts', 'huisartsen', 'HUISARTS']);
    expect(found('huisartsen', text)).toEqual(['huisarts', 'huisartsen', 'HUISARTS']);
    expect(found('gemeente', 'De gemeenten en de gemeente.')).toEqual(['gemeenten', 'gemeente']);
    expect(found('mogelijkheid', 'Veel mogelijkheden, één mogelijkheid.')).toEqual(['mogelijkheden', 'mogelijkheid']);
    expect(found('boom', 'Een boom, twee bomen.')).toEqual(['boom', 'bomen']);
  });

  it('ignores diacritics and case (coördinatie ↔ coordinatie, café ↔ cafe)', () => {
    expect(found('coordinatie', 'Over de coördinatie en Coordinatie.')).toEqual(['coördinatie', 'Coordinatie']);
    expect(found('coördinatie', 'Over de coordinatie.')).toEqual(['coordinatie']);
    expect(found('cafe', 'In het café, in het CAFÉ.')).toEqual(['café', 'CAFÉ']);
    expect(found('café', 'In het cafe.')).toEqual(['cafe']);
    expect(found('financien', 'De financiën.')).toEqual(['financiën']);
  });

  it('matches whole words only', () => {
    expect(found('zorg', 'Zorgverzekeraar, mantelzorg, zorgen en zorg.')).toEqual(['zorgen', 'zorg']);
    expect(found('arts', 'De huisarts en de arts.')).toEqual(['arts']);
  });

  it("handles inner apostrophes as WORD does (zo'n, collega's)", () => {
    expect(found("collega's", 'Mijn collega’s en een collega.')).toEqual(['collega’s', 'collega']);
    expect(found('collega', 'Mijn collega’s en een collega.')).toEqual(['collega’s', 'collega']);
    expect(found('auto', "Twee auto's.")).toEqual(["auto's"]);
    expect(found("zo'n", 'Zo’n dag, zo\'n week.')).toEqual(['Zo’n', "zo'n"]);
    // The n after the apostrophe is not a word of its own.
    expect(found('n', 'zo’n dag')).toBeNull();
  });

  it('never returns ranges inside a surrogate pair and counts UTF-16 units', () => {
    const text = '😀👍🏽 De huisarts 😀 zegt: huisartsen!';
    const ranges = new Matcher(parseQuery('huisarts')).matchPassage(text, 0, text.length)!;
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['huisarts', 'huisartsen']);
    expect(ranges[0]!.start).toBe(text.indexOf('huisarts'));
  });

  it('works on letters beyond Latin (Greek, astral letters) without errors', () => {
    expect(found('λόγος', 'ο λογος και ο ΛΌΓΟΣ')).toEqual(['λογος', 'ΛΌΓΟΣ']);
    expect(found('𝒜bc', 'x 𝒜bc y')).toEqual(['𝒜bc']);
  });
});

describe('phrases and prefixes', () => {
  it('a phrase matches adjacent words only (punctuation between them is fine)', () => {
    const text = 'Het sociaal domein. Ook Sociaal, domein! Het domein is echt sociaal; sociale domeinen.';
    expect(found('"sociaal domein"', text)).toEqual(['sociaal domein', 'Sociaal, domein']);
    expect(found('"domein sociaal"', text)).toBeNull();
    expect(found('"sociaal  DOMEIN"', 'Het sociaal domein')).toEqual(['sociaal domein']);
    // Phrases are exact words: no stemming.
    expect(found('"sociale domeinen"', text)).toEqual(['sociale domeinen']);
    expect(found('"sociaal domeinen"', text)).toBeNull();
  });

  it('a phrase ignores diacritics too', () => {
    expect(found('"coordinatie van zorg"', 'De coördinatie van zorg.')).toEqual(['coördinatie van zorg']);
  });

  it('word* matches words starting with it (financ*)', () => {
    const text = 'Financiering, financiën en de financier; geen herfinanciering.';
    expect(found('financ*', text)).toEqual(['Financiering', 'financiën', 'financier']);
    expect(found('"structurele financ"*', 'De structurele financiering.')).toEqual(['structurele financiering']);
    // A prefix keeps apostrophes, as the text column does: zon* does not find zo'n.
    expect(found('zon*', 'zo’n zonnig')).toEqual(['zonnig']);
    expect(found("zo'n*", 'zo’n zonnig')).toEqual(['zo’n']);
  });
});

describe('boolean queries per passage', () => {
  it('AND needs every term in the passage; all occurrences are returned in order', () => {
    expect(found('huisarts gemeente', 'De gemeente en de huisarts en de gemeente.')).toEqual(['gemeente', 'huisarts', 'gemeente']);
    expect(found('huisarts gemeente', 'Alleen de huisarts.')).toBeNull();
  });

  it('OR needs one of them', () => {
    expect(found('huisarts OF wijkteam', 'Het wijkteam.')).toEqual(['wijkteam']);
    expect(found('huisarts OR wijkteam', 'Niets.')).toBeNull();
  });

  it('NOT leaves out passages that contain the term', () => {
    expect(found('huisarts -gemeente', 'De huisarts.')).toEqual(['huisarts']);
    expect(found('huisarts NIET gemeente', 'De huisarts en de gemeenten.')).toBeNull();
    expect(found('huisarts -"sociaal domein"', 'De huisarts in het sociaal domein.')).toBeNull();
    expect(found('huisarts -"sociaal domein"', 'De huisarts, sociaal en domein.')).toEqual(['huisarts']);
  });

  it('overlapping matches of several terms become one (phrase and its word)', () => {
    expect(found('"sociaal domein" domein', 'Het sociaal domein en het domein.')).toEqual(['sociaal domein', 'domein']);
  });

  it('matchPassages decides per passage, from one scan', () => {
    const text = 'De huisarts.\n\nDe gemeente.\n\nDe huisarts en de gemeente.';
    const passages = [{ start: 0, end: 12 }, { start: 14, end: 26 }, { start: 28, end: text.length }];
    const m = new Matcher(parseQuery('huisarts gemeente'));
    const result = m.matchPassages(text, 0, text.length, passages);
    expect(result.map((r) => r && r.map((x) => text.slice(x.start, x.end)))).toEqual([null, null, ['huisarts', 'gemeente']]);
    const or = new Matcher(parseQuery('huisarts OF gemeente')).matchPassages(text, 0, text.length, passages);
    expect(or.map((r) => r?.length ?? 0)).toEqual([1, 1, 2]);
    // A phrase does not reach across passages.
    const across = new Matcher(parseQuery('"huisarts de"')).matchPassages(text, 0, text.length, passages);
    expect(across.map((r) => r?.length ?? 0)).toEqual([0, 0, 0]);
  });

  it('no terms: nothing matches', () => {
    expect(found('', 'De huisarts.')).toBeNull();
    expect(found('-huisarts', 'De gemeente.')).toBeNull();
  });
});

describe('needles', () => {
  it('word starts: not inside a word, not after an inner apostrophe', () => {
    const text = "ab zo'n ’n 😀x";
    expect(isWordStart(text, 0)).toBe(true);
    expect(isWordStart(text, 1)).toBe(false);
    expect(isWordStart(text, 3)).toBe(true);
    expect(isWordStart(text, 6)).toBe(false);
    expect(isWordStart(text, 9)).toBe(true);
    expect(isWordStart(text, text.length - 1)).toBe(true);
  });

  it('a needle is case- and diacritic-insensitive', () => {
    const re = needleFor('coordi');
    expect('De CoÖrdinatie'.match(re)?.[0]).toBe('CoÖrdi');
    expect('x'.match(needleFor(''))?.[0]).toBe('x');
    // Apostrophes are not in the needle (speed); the matcher looks at such words apart.
    expect('zo’n'.match(needleFor('zon'))).toBeNull();
  });

  it('finds words with an apostrophe early on, which the needle cannot see', () => {
    expect(found("rock'n'roll", 'Echte rock’n’roll en rock\'n\'roll.')).toEqual(['rock’n’roll', "rock'n'roll"]);
    expect(found('"zo\'n mooie"', 'Zo’n mooie dag, zo’n lelijke.')).toEqual(['Zo’n mooie']);
    expect(found("rock'n'r*", 'Echte rock’n’roll.')).toEqual(['rock’n’roll']);
    expect(found("rock'n'roll muziek", 'De rock’n’roll-muziek.')).toEqual(['rock’n’roll', 'muziek']);
  });

  // Every word whose stem a query word accepts starts with that word's needle:
  // Snowball only rewrites the end of a word. Checked over Dutch words and the
  // inflections the stemmer knows.
  it('every inflection a word accepts starts with its needle', () => {
    const base = (
      'huisarts huisartsen gemeente gemeenten mogelijkheid mogelijkheden boom bomen maan manen jaar jaren bakken bak zitten ' +
      'coördinatie financiën geëvalueerd ideeën café één mooie fraaie royaal zo’n auto’s collega’s kinderen lopen betaalbaar ' +
      'vriendelijk woning regeling vraag vragen zorg wijkverpleegkundige zorgverzekeraar inwoners samenwerking regio budget ' +
      'financiering mantelzorger ouderen preventie wijkteam afspraken ervaring leren gesprek overleg belangrijk eigenlijk ' +
      'natuurlijk kijken samen werken zien merken vinden denken moeten kunnen willen hebben gaan komen blijven praktijk beleid ' +
      'bestuur organisatie ziekenhuis thuis dichtbij passend kwetsbaar gezondheid welzijn sociaal domein schotten structureel ' +
      'tijdelijk resultaat verschil verbetering knelpunt oplossing vertrouwen gezamenlijk verantwoordelijkheid ruimte regels ' +
      'capaciteit personeel tekort wachtlijst toegang bereik probleem antwoord moment maand week dag mensen patiënten netwerk'
    ).split(' ');
    const suffixes = ['', 'en', 'e', 's', 'heden', 'heid', 'ing', 'ingen', 'end', 'ig', 'lijk', 'baar', 'ene', 'se', 'te', 'ten', 'de'];
    const words = [...new Set(base.flatMap((w) => suffixes.map((s) => w + s)))];
    const byStem = new Map<string, string[]>();
    for (const w of words) byStem.set(foldedStem(w), [...(byStem.get(foldedStem(w)) ?? []), w]);
    const misses: string[] = [];
    for (const w of words) {
      const term = parseQuery(w).groups[0]![0]!;
      if (term.kind !== 'word') continue;
      const prefix = needlePrefix(term);
      for (const other of term.stems.flatMap((s) => byStem.get(s) ?? [])) {
        if (!fold(plain(other)).startsWith(prefix)) misses.push(`${w}→${other}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
