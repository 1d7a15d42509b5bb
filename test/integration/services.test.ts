// Services on a fresh project with hand-made data (the example project has its own test).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createProject } from '../../src-main/services/project.ts';
import { addSource, getSource, listSources, textHash } from '../../src-main/sources/sources.ts';
import { addCoding, codingInserter } from '../../src-main/services/codings.ts';
import { findCodeByPath, insertCodeTree, listCodes } from '../../src-main/services/codebook.ts';
import {
  addAttribute, addParticipant, attributeIdByKey, listAttributes, listParticipants, setParticipantValue,
} from '../../src-main/participants/participants.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmpCtx = () => useTmp();

function fresh(tmp: ReturnType<typeof tmpCtx>, template: 'empty' | 'jzojp' = 'empty'): ProjectDb {
  return tmp.track(createProject(join(tmp.dir(), 'p.duiding'), { template }));
}

describe('sources', () => {
  const tmp = tmpCtx();

  it('stores text, hash and turns, and reads them back', () => {
    const db = fresh(tmp);
    const text = 'Hallo.\n\nIk ben 👍 blij.';
    const id = addSource(db, {
      name: 'Interview', text, originalFormat: 'txt', originalFileName: 'i.txt', metadata: { size: 12 },
      turns: [
        { start: 0, end: 6, speakerLabel: 'I', isInterviewer: true },
        { start: 8, end: text.length, speakerLabel: 'A', timestampMs: 1500 },
      ],
    });
    const src = getSource(db, id);
    expect(src).toMatchObject({ id, name: 'Interview', text, originalFormat: 'txt', originalFileName: 'i.txt', codings: [] });
    expect(src.turns).toHaveLength(2);
    expect(src.turns[1]).toMatchObject({ start: 8, end: text.length, speakerLabel: 'A', isInterviewer: false, participant: null, timestampMs: 1500 });
    const row = db.sqlite.prepare('SELECT text_hash, metadata FROM sources WHERE id = ?').get(id) as { text_hash: string; metadata: string };
    expect(row.text_hash).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    expect(row.text_hash).toBe(textHash(text));
    expect(JSON.parse(row.metadata)).toEqual({ size: 12 });
    // `characters` is SQLite's length(): code points, so the emoji counts once (it is two UTF-16 units).
    expect(listSources(db)[0]).toMatchObject({ characters: [...text].length, turns: 2, codings: 0, perspectives: [] });
    expect([...text].length).toBe(text.length - 1);
  });

  it.each([
    ['a BOM', '\uFEFFtekst'],
    ['CRLF line endings', 'een\r\ntwee'],
    ['decomposed text', 'e\u0301en'],
    ['a lone surrogate', 'a\uD83D'],
  ])('refuses text with %s and stores nothing', (_what, text) => {
    const db = fresh(tmp);
    expect(() => addSource(db, { name: 'x', text, originalFormat: 'txt' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(listSources(db)).toEqual([]);
  });

  it.each([
    ['past the end', { start: 0, end: 99, speakerLabel: 'A' }],
    ['reversed', { start: 3, end: 2, speakerLabel: 'A' }],
    ['inside an emoji', { start: 0, end: 2, speakerLabel: 'A' }],
    ['an interviewer with a participant', { start: 0, end: 1, speakerLabel: 'I', isInterviewer: true, participantId: 1 }],
  ])('refuses a turn %s and stores nothing', (_what, turn) => {
    const db = fresh(tmp);
    addParticipant(db, { name: 'P', perspective: null });
    expect(() => addSource(db, { name: 'x', text: 'a👍b', originalFormat: 'txt', turns: [turn] })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(listSources(db)).toEqual([]);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM turns').pluck().get()).toBe(0);
  });

  it('allows empty turns (a speaker label with no text)', () => {
    const db = fresh(tmp);
    const id = addSource(db, { name: 'x', text: 'abc', originalFormat: 'txt', turns: [{ start: 3, end: 3, speakerLabel: 'A' }] });
    expect(getSource(db, id).turns).toHaveLength(1);
  });

  it('deleting a source removes its turns and codings', () => {
    const db = fresh(tmp);
    const code = insertCodeTree(db, [{ name: 'C', color: '#123456' }])[0]!;
    const user = ensureUser(db, 'U');
    const id = addSource(db, { name: 'x', text: 'abcdef', originalFormat: 'txt', turns: [{ start: 0, end: 6, speakerLabel: 'A' }] });
    addCoding(db, { sourceId: id, codeId: code, start: 0, end: 3, coderId: user });
    db.sqlite.prepare('DELETE FROM sources WHERE id = ?').run(id);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM turns').pluck().get()).toBe(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(0);
  });
});

describe('codings', () => {
  const tmp = tmpCtx();
  const setup = () => {
    const db = fresh(tmp);
    const [codeId] = insertCodeTree(db, [{ name: 'C', color: '#123456' }]);
    const coderId = ensureUser(db, 'U');
    const sourceId = addSource(db, { name: 's', text: 'ab😀cd', originalFormat: 'txt' }); // 😀 at 2..4
    return { db, codeId: codeId!, coderId, sourceId };
  };

  it('stores a valid range, including one around an emoji', () => {
    const { db, ...ids } = setup();
    const a = addCoding(db, { ...ids, start: 2, end: 4, isKeyQuote: true, memo: 'm' });
    const b = addCoding(db, { ...ids, start: 0, end: 6 });
    const src = getSource(db, ids.sourceId);
    expect(src.codings).toEqual([
      { id: b, codeId: ids.codeId, start: 0, end: 6, isKeyQuote: false, hasMemo: false },
      { id: a, codeId: ids.codeId, start: 2, end: 4, isKeyQuote: true, hasMemo: true },
    ]);
    expect(src.text.slice(2, 4)).toBe('😀');
  });

  it.each([
    [0, 0], [3, 2], [-1, 2], [0, 7], [3, 5], [1, 3], [0.5, 2],
  ])('refuses the range [%d, %d)', (start, end) => {
    const { db, ...ids } = setup();
    expect(() => addCoding(db, { ...ids, start, end })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(0);
  });

  it('refuses a coding of a missing source', () => {
    const { db, ...ids } = setup();
    expect(() => addCoding(db, { ...ids, sourceId: 999, start: 0, end: 1 })).toThrow(
      expect.objectContaining({ code: 'entity.not_found', params: { entity: 'source', id: 999 } }),
    );
  });

  it('the database refuses a coding of a missing code (foreign keys are on)', () => {
    const { db, ...ids } = setup();
    expect(() => addCoding(db, { ...ids, codeId: 999, start: 0, end: 1 })).toThrow(/FOREIGN KEY/);
  });

  it('one inserter serves many codings', () => {
    const { db, ...ids } = setup();
    const insert = codingInserter(db);
    for (const end of [1, 2, 4, 5, 6]) insert({ ...ids, start: 0, end });
    expect(listCodes(db)[0]!.counts.segments).toBe(5);
  });
});

describe('codebook', () => {
  const tmp = tmpCtx();

  it('insertCodeTree keeps order; findCodeByPath walks names', () => {
    const db = fresh(tmp);
    insertCodeTree(db, [
      { name: 'B', color: '#000001', role: 'building_block', children: [{ name: 'B2', color: '#000002' }, { name: 'B1', color: '#000003' }] },
      { name: 'A', color: '#000004', role: 'theme_group', children: [{ name: 'B1', color: '#000005' }] },
    ]);
    expect(listCodes(db).map((c) => c.name)).toEqual(['B', 'B2', 'B1', 'A', 'B1']);
    const b1 = findCodeByPath(db, ['B', 'B1']);
    const a1 = findCodeByPath(db, ['A', 'B1']);
    expect(b1).not.toBeNull();
    expect(a1).not.toBe(b1);
    expect(findCodeByPath(db, ['B1'])).toBeNull(); // not at top level
    expect(findCodeByPath(db, ['B', 'nope'])).toBeNull();
    expect(listCodes(db).find((c) => c.id === a1)!.color).toBe('#000005');
  });

  it('insertCodeTree adds under a parent', () => {
    const db = fresh(tmp, 'jzojp');
    const parent = findCodeByPath(db, ['Wat is nodig'])!;
    const before = listCodes(db).filter((c) => c.parentId === parent).length;
    const [id] = insertCodeTree(db, [{ name: 'Nieuw', color: '#abcdef' }], parent);
    const row = listCodes(db).find((c) => c.id === id)!;
    expect(row).toMatchObject({ parentId: parent, role: 'code', sortOrder: 0 });
    expect(listCodes(db).filter((c) => c.parentId === parent)).toHaveLength(before + 1);
  });

  it('a bad colour is refused by the schema and nothing of the tree is stored', () => {
    const db = fresh(tmp);
    expect(() => insertCodeTree(db, [{ name: 'ok', color: '#000000', children: [{ name: 'bad', color: 'red' }] }])).toThrow(/CHECK/);
    expect(listCodes(db)).toEqual([]);
  });

  it('deleting a code removes its sub-codes and their codings', () => {
    const db = fresh(tmp);
    const [parent, child] = insertCodeTree(db, [{ name: 'P', color: '#000000', children: [{ name: 'C', color: '#000000' }] }]);
    const sourceId = addSource(db, { name: 's', text: 'abc', originalFormat: 'txt' });
    addCoding(db, { sourceId, codeId: child!, start: 0, end: 1, coderId: ensureUser(db, 'U') });
    db.sqlite.prepare('DELETE FROM codes WHERE id = ?').run(parent);
    expect(listCodes(db)).toEqual([]);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(0);
  });
});

describe('listCodes counting rules', () => {
  const tmp = tmpCtx();

  // Text: [I: question][A: answer][B: answer]
  function setup() {
    const db = fresh(tmp);
    const [codeId] = insertCodeTree(db, [{ name: 'C', color: '#123456' }]);
    const coderId = ensureUser(db, 'U');
    const a = addParticipant(db, { name: 'Anna', perspective: 'inwoner' });
    const b = addParticipant(db, { name: 'Bert', perspective: 'bestuurder' });
    const text = 'Vraag?\n\nAntwoord A.\n\nAntwoord B.';
    const sourceId = addSource(db, {
      name: 's', text, originalFormat: 'txt', turns: [
        { start: 0, end: 6, speakerLabel: 'I', isInterviewer: true },
        { start: 8, end: 19, speakerLabel: 'A', participantId: a },
        { start: 21, end: 32, speakerLabel: 'B', participantId: b },
      ],
    });
    expect(text.slice(8, 19)).toBe('Antwoord A.');
    expect(text.slice(21, 32)).toBe('Antwoord B.');
    const code = (start: number, end: number) => addCoding(db, { sourceId, codeId: codeId!, coderId, start, end });
    return { db, code };
  }
  const counts = (db: ProjectDb, p?: Parameters<typeof listCodes>[1]) => listCodes(db, p)[0]!.counts;

  it('a coding in an interviewer turn counts as a segment but has no participant', () => {
    const { db, code } = setup();
    code(0, 6);
    expect(counts(db)).toEqual({ segments: 1, participants: 0, sources: 1 });
    expect(counts(db, 'inwoner')).toEqual({ segments: 0, participants: 0, sources: 0 });
  });

  it('a coding spanning the interviewer and one participant counts that participant only', () => {
    const { db, code } = setup();
    code(2, 12);
    expect(counts(db)).toEqual({ segments: 1, participants: 1, sources: 1 });
  });

  it('a coding spanning two participants counts both; a filter keeps it but counts only that perspective', () => {
    const { db, code } = setup();
    code(10, 25);
    expect(counts(db)).toEqual({ segments: 1, participants: 2, sources: 1 });
    expect(counts(db, 'inwoner')).toEqual({ segments: 1, participants: 1, sources: 1 });
    expect(counts(db, 'bestuurder')).toEqual({ segments: 1, participants: 1, sources: 1 });
    expect(counts(db, 'zorgprofessional')).toEqual({ segments: 0, participants: 0, sources: 0 });
  });

  it('touching a turn boundary is not overlapping it (half-open ranges)', () => {
    const { db, code } = setup();
    code(19, 21); // the blank line between A and B
    expect(counts(db)).toEqual({ segments: 1, participants: 0, sources: 1 });
  });

  it('totals count a parent with its sub-codes, each segment and person once', () => {
    const db = fresh(tmp);
    const [parent, child, grandchild] = insertCodeTree(db, [
      { name: 'P', color: '#000000', children: [{ name: 'C', color: '#000000', children: [{ name: 'G', color: '#000000' }] }] },
    ]);
    const coderId = ensureUser(db, 'U');
    const a = addParticipant(db, { name: 'Anna', perspective: 'inwoner' });
    const b = addParticipant(db, { name: 'Bert', perspective: 'bestuurder' });
    const s1 = addSource(db, { name: 's1', text: 'aaaa\n\nbbbb', originalFormat: 'txt', turns: [
      { start: 0, end: 4, speakerLabel: 'A', participantId: a }, { start: 6, end: 10, speakerLabel: 'B', participantId: b },
    ] });
    const s2 = addSource(db, { name: 's2', text: 'aaaa', originalFormat: 'txt', turns: [{ start: 0, end: 4, speakerLabel: 'A', participantId: a }] });
    const code = (sourceId: number, codeId: number, start: number, end: number) => addCoding(db, { sourceId, codeId, coderId, start, end });
    code(s1, parent!, 0, 2); // Anna
    code(s1, child!, 0, 2); // Anna, same text, other code
    code(s1, grandchild!, 6, 8); // Bert
    code(s2, grandchild!, 0, 4); // Anna in another source
    const rows = new Map(listCodes(db).map((r) => [r.name, r]));
    expect(rows.get('P')!.counts).toEqual({ segments: 1, participants: 1, sources: 1 });
    expect(rows.get('P')!.totals).toEqual({ segments: 4, participants: 2, sources: 2 });
    expect(rows.get('C')!.totals).toEqual({ segments: 3, participants: 2, sources: 2 });
    expect(rows.get('G')!.totals).toEqual({ segments: 2, participants: 2, sources: 2 });
    expect(rows.get('G')!.totals).toEqual(rows.get('G')!.counts);
    const filtered = new Map(listCodes(db, 'bestuurder').map((r) => [r.name, r]));
    expect(filtered.get('P')!.totals).toEqual({ segments: 1, participants: 1, sources: 1 });
    expect(filtered.get('P')!.counts).toEqual({ segments: 0, participants: 0, sources: 0 });
  });

  it('the same participant counts once across many codings', () => {
    const { db, code } = setup();
    code(8, 10);
    code(12, 15);
    code(8, 19);
    expect(counts(db)).toEqual({ segments: 3, participants: 1, sources: 1 });
  });
});

describe('participants and attributes', () => {
  const tmp = tmpCtx();

  it('attributes keep their order and choices', () => {
    const db = fresh(tmp);
    const a = addAttribute(db, { name: 'Leeftijd', type: 'number' });
    const b = addAttribute(db, { key: 'k', name: 'Soort', type: 'choice', choices: ['x', 'y'] });
    expect(listAttributes(db)).toEqual([
      { id: a, key: null, name: 'Leeftijd', type: 'number', choices: [] },
      { id: b, key: 'k', name: 'Soort', type: 'choice', choices: ['x', 'y'] },
    ]);
    expect(attributeIdByKey(db, 'k')).toBe(b);
    expect(attributeIdByKey(db, 'nope')).toBeNull();
    expect(() => addAttribute(db, { key: 'k', name: 'dubbel', type: 'text' })).toThrow(/UNIQUE/);
  });

  it('values are stored canonically, replaced on a second set, and refused when they do not fit', () => {
    const db = fresh(tmp, 'jzojp');
    const region = attributeIdByKey(db, 'region')!;
    const age = addAttribute(db, { name: 'Leeftijd', type: 'number' });
    const when = addAttribute(db, { name: 'Datum', type: 'date' });
    const p = addParticipant(db, { name: 'Anna', perspective: 'inwoner', role: 'mantelzorger' });
    setParticipantValue(db, p, region, 'Twente');
    setParticipantValue(db, p, age, ' 41,5 ');
    setParticipantValue(db, p, when, '2024-02-29');
    setParticipantValue(db, p, region, 'Achterhoek');
    expect(listParticipants(db)[0]).toMatchObject({
      name: 'Anna', perspective: 'inwoner', role: 'mantelzorger', sources: 0, turns: 0,
      values: { [region]: 'Achterhoek', [age]: '41.5', [when]: '2024-02-29' },
    });
    for (const [attr, value] of [[region, 'Utrecht'], [age, 'oud'], [when, '2023-02-29']] as const) {
      expect(() => setParticipantValue(db, p, attr, value)).toThrow(expect.objectContaining({ code: 'participants.bad_value' }));
    }
    expect(() => setParticipantValue(db, p, 9999, 'x')).toThrow(expect.objectContaining({ code: 'entity.not_found' }));
    expect(listParticipants(db)[0]!.values[region]).toBe('Achterhoek');
  });

  it('the schema refuses an unknown perspective', () => {
    const db = fresh(tmp);
    expect(() => addParticipant(db, { name: 'X', perspective: 'burger' as never })).toThrow(/CHECK/);
  });

  it('deleting a participant keeps their turns but unlinks them', () => {
    const db = fresh(tmp);
    const p = addParticipant(db, { name: 'X', perspective: 'bestuurder' });
    const id = addSource(db, { name: 's', text: 'abc', originalFormat: 'txt', turns: [{ start: 0, end: 3, speakerLabel: 'X', participantId: p }] });
    db.sqlite.prepare('DELETE FROM participants WHERE id = ?').run(p);
    expect(getSource(db, id).turns[0]).toMatchObject({ speakerLabel: 'X', participant: null });
  });

  it('participants sort by name, case-insensitively', () => {
    const db = fresh(tmp);
    for (const name of ['bert', 'Anna', 'Carla']) addParticipant(db, { name, perspective: null });
    expect(listParticipants(db).map((p) => p.name)).toEqual(['Anna', 'bert', 'Carla']);
  });
});

describe('users', () => {
  const tmp = tmpCtx();

  it('ensureUser creates a coder once', () => {
    const db = fresh(tmp);
    const a = ensureUser(db, 'Onderzoeker');
    expect(ensureUser(db, 'Onderzoeker')).toBe(a);
    expect(ensureUser(db, 'Tweede')).not.toBe(a);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
  });
});
