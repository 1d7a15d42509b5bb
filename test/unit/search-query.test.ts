// Query language → terms → FTS5 MATCH: what users type never reaches MATCH
// as is, and each construct translates to the expression its docs promise.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { fold, foldedStem, MAX_TERMS, parseQuery, stemsForQuery, toFtsMatch, type Term } from '../../src-main/search/query.ts';

const match = (q: string) => toFtsMatch(parseQuery(q));
const word = (raw: string): Term => ({ kind: 'word', raw, folded: fold(raw.replace(/['’]/g, '')), stems: stemsForQuery(raw) });
/** The MATCH of one word. */
const w = (raw: string) => `(body:"${raw}" OR ${stemsForQuery(raw).map((s) => `stems:"${s}"`).join(' OR ')})`;

describe('fold and stems', () => {
  it('folds case and diacritics like the FTS tokenizer', () => {
    expect(fold('Café')).toBe('cafe');
    expect(fold('coördinatie')).toBe('coordinatie');
    expect(fold('FINANCIËN')).toBe('financien');
    expect(fold('geëvalueerd')).toBe('geevalueerd');
    expect(fold('huisarts')).toBe('huisarts');
  });

  it('gives inflections the same stem (mostly: Snowball is not idempotent)', () => {
    expect(foldedStem('huisartsen')).toBe('huisarts');
    expect(foldedStem('huisarts')).toBe('huisart');
    expect(foldedStem('financiën')).toBe(foldedStem('financien'));
    expect(foldedStem('mogelijkheden')).toBe(foldedStem('mogelijkheid'));
    expect(foldedStem('bomen')).toBe(foldedStem('boom'));
  });
});

describe('parseQuery', () => {
  it('words are AND-ed, each with its stem', () => {
    expect(parseQuery('huisarts gemeente')).toEqual({ groups: [[word('huisarts')], [word('gemeente')]], exclude: [] });
    expect(match('huisarts')).toBe('(body:"huisarts" OR stems:"huisarts" OR stems:"huisart")');
    expect(match('Huisartsen gemeente')).toBe(`${w('huisartsen')} AND ${w('gemeente')}`);
  });

  it('a word accepts itself, its stem and its stem\'s stem in the stems column, so inflections meet both ways', () => {
    // huisarts finds huisartsen (whose stem is huisarts), huisartsen finds huisarts (whose stem is huisart).
    expect(stemsForQuery('huisarts')).toEqual(['huisarts', 'huisart']);
    expect(stemsForQuery('huisartsen')).toEqual(['huisartsen', 'huisarts', 'huisart']);
    expect(stemsForQuery('huisarts')).toContain(foldedStem('huisartsen'));
    expect(stemsForQuery('huisartsen')).toContain(foldedStem('huisarts'));
    expect(stemsForQuery('Financiën')).toContain(foldedStem('financien'));
    expect(stemsForQuery('gemeente')).toContain(foldedStem('gemeenten'));
    expect(stemsForQuery('gemeenten')).toContain(foldedStem('gemeente'));
  });

  it('quoted phrases search the text column, exactly', () => {
    expect(parseQuery('"sociaal domein"').groups).toEqual([[{ kind: 'phrase', raws: ['sociaal', 'domein'], words: ['sociaal', 'domein'], prefixLast: false }]]);
    expect(match('"sociaal domein"')).toBe('body:"sociaal domein"');
    expect(match('"Sociaal  Domein" wijkteam')).toBe(`body:"sociaal domein" AND ${w('wijkteam')}`);
    // One quoted word: no stemming.
    expect(match('"huisarts"')).toBe('body:"huisarts"');
    // A phrase with a prefix at the end.
    expect(match('"sociaal dom"*')).toBe('body:"sociaal dom"*');
    // An unclosed quote runs to the end.
    expect(match('"sociaal domein')).toBe('body:"sociaal domein"');
  });

  it('word* is a prefix on the text', () => {
    expect(parseQuery('financ*').groups).toEqual([[{ kind: 'prefix', raw: 'financ', folded: 'financ' }]]);
    expect(match('financ*')).toBe('body:"financ"*');
    expect(match('Financ**')).toBe('body:"financ"*');
  });

  it('keeps diacritics for the tokenizer to fold, and folds them in the terms', () => {
    expect(match('café')).toBe(w('café'));
    expect(stemsForQuery('café')).toContain(foldedStem('cafe'));
    expect(stemsForQuery('cafe')).toContain(foldedStem('café'));
    expect(parseQuery('café').groups[0]![0]).toMatchObject({ folded: 'cafe' });
    expect(parseQuery('cafe').groups[0]![0]).toMatchObject({ folded: 'cafe' });
    expect(foldedStem('café')).toBe(foldedStem('cafe'));
  });

  it('OF / OR join neighbours, and bind tighter than AND', () => {
    expect(match('huisarts OF wijkverpleegkundige')).toBe(`(${w('huisarts')} OR ${w('wijkverpleegkundige')})`);
    expect(match('a OR b c')).toBe(`(${w('a')} OR ${w('b')}) AND ${w('c')}`);
    const q = parseQuery('zorg huisarts OR "sociaal domein" OF financ*');
    expect(q.groups.map((g) => g.map((t) => t.kind))).toEqual([['word'], ['word', 'phrase', 'prefix']]);
    // Lowercase of/or are words (Dutch "of" is common).
    expect(parseQuery('huisarts of gemeente').groups).toHaveLength(3);
    // Dangling operators are ignored.
    expect(parseQuery('OF huisarts OR').groups).toEqual([[word('huisarts')]]);
  });

  it('-word and NIET word exclude; exclusions are applied per passage, not in MATCH', () => {
    const q = parseQuery('huisarts -gemeente NIET "sociaal domein" NOT budget');
    expect(q.groups).toEqual([[word('huisarts')]]);
    expect(q.exclude.map((t) => t.kind)).toEqual(['word', 'phrase', 'word']);
    expect(toFtsMatch(q)).toBe(w('huisarts'));
    expect(parseQuery('huisarts -"sociaal domein"').exclude).toEqual([
      { kind: 'phrase', raws: ['sociaal', 'domein'], words: ['sociaal', 'domein'], prefixLast: false },
    ]);
    // A lone dash negates nothing; "a OF -b" keeps a and leaves b out.
    expect(parseQuery('huisarts - gemeente').groups).toHaveLength(2);
    expect(parseQuery('a OF -b c')).toMatchObject({ groups: [[{ raw: 'a' }], [{ raw: 'c' }]], exclude: [{ raw: 'b' }] });
    // Lowercase niet is a word.
    expect(parseQuery('niet huisarts').groups).toHaveLength(2);
  });

  it('only exclusions, only syntax, or nothing: no MATCH at all (no results, no error)', () => {
    for (const q of ['', '   ', '-huisarts', 'NIET huisarts', '""', '"', '*', '-', 'OF', 'NIET', ':^()', '" "*', '***', '- - -']) {
      expect(match(q), JSON.stringify(q)).toBeNull();
    }
  });

  it('strips FTS syntax from terms: words split on it, and hyphenated words become phrases', () => {
    expect(match('NEAR(huisarts')).toBe('body:"near huisarts"');
    expect(match('body:huisarts')).toBe('body:"body huisarts"');
    expect(match('^huisarts')).toBe(w('huisarts'));
    expect(match('e-health')).toBe('body:"e health"');
    // Quotes pair up: " OR " is a one-word phrase, never an operator.
    expect(match('huisarts" OR "x')).toBe(`${w('huisarts')} AND body:"or" AND ${w('x')}`);
    expect(match('{body}: x')).toBe(`${w('body')} AND ${w('x')}`);
  });

  it("keeps inner apostrophes in the text terms and drops them for stems (zo'n, collega's)", () => {
    expect(match("zo'n")).toBe(`(body:"zo'n" OR stems:"zon")`);
    expect(parseQuery('collega’s').groups[0]![0]).toMatchObject({ raw: 'collega’s', folded: 'collegas' });
    expect(parseQuery('"zo’n mooie"').groups[0]![0]).toMatchObject({ words: ["zo'n", 'mooie'] });
  });

  it(`uses at most ${MAX_TERMS} terms`, () => {
    const q = parseQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
    expect(q.groups).toHaveLength(MAX_TERMS);
  });

  it('every generated expression is valid FTS5 and never throws, whatever the input', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, stems, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t (body, stems) VALUES (?, ?)').run('De huisartsen en het sociaal domein', 'de huisart en het sociaal domein');
    const nasty = [
      '"', '""', '"""', 'NEAR(a b)', 'NEAR(a b, 2)', 'a AND', 'OR', 'a OR OR b', 'NOT', 'a NOT', '*', 'a*b', '*a', ':', 'body:', 'stems:x',
      '^', '^a', '(a', 'a)', '(', ')', '{a b}: c', '+', 'a + b', '-', '--a', '-"', "'", "a'", "'a", '\\', '\0', '\u00a0', '😀', 'a😀b',
      'café*', 'x'.repeat(500), '" OR 1=1 --', "'; DROP TABLE t; --", 'huisarts NOT', '"unterminated *', 'NIET -"x"', 'OF OF OF',
    ];
    for (const q of nasty) {
      const m = match(q);
      if (m !== null) expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(m), q).not.toThrow();
    }
    expect(db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(match('huisarts'))).toBe(1);
    expect(db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(match('"sociaal domein"'))).toBe(1);
    expect(db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(match('"domein sociaal"'))).toBe(0);
    db.close();
  });
});
