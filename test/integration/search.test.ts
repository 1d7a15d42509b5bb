// Full-text search on a real project file: Dutch transcripts with diacritics,
// inflections, phrases, emoji, interviewer turns, participants with
// perspectives and regions, and a source without turns.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource, textHash, type NewTurn } from '../../src-main/sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../../src-main/participants/participants.ts';
import { indexChunks, indexSource } from '../../src-main/search/index-source.ts';
import { searchText, type SearchOptions } from '../../src-main/search/search.ts';
import { TextCache, textCache, type SourceText } from '../../src-main/search/texts.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';
import type { SearchResult } from '../../src-shared/contracts/search.ts';
import type { Result } from '../../src-shared/errors.ts';

const tmp = useTmp('duiding-search-');

interface Turn {
  who: 'I' | string;
  text: string;
}

/** Joins turns with blank lines and returns the text and the turns' ranges. */
function transcript(turns: Turn[], ids: Record<string, number>): { text: string; turns: NewTurn[] } {
  let text = '';
  const out: NewTurn[] = [];
  for (const t of turns) {
    if (text) text += '\n\n';
    const start = text.length;
    text += t.text;
    out.push(t.who === 'I'
      ? { start, end: text.length, speakerLabel: 'Interviewer', isInterviewer: true }
      : { start, end: text.length, speakerLabel: t.who, participantId: ids[t.who]! });
  }
  return { text, turns: out };
}

function setup() {
  const db = tmp.track(createProject(join(tmp.dir(), 'zoek.duiding'), { template: 'jzojp' }));
  const region = attributeIdByKey(db, 'region')!;
  const ids = {
    Anna: addParticipant(db, { name: 'Anna de Wit', perspective: 'zorgprofessional', role: 'wijkverpleegkundige' }),
    Bert: addParticipant(db, { name: 'Bert Smit', perspective: 'bestuurder', role: 'directeur' }),
    Carla: addParticipant(db, { name: 'Carla Jansen', perspective: 'inwoner' }),
  };
  setParticipantValue(db, ids.Anna, region, 'Twente');
  setParticipantValue(db, ids.Bert, region, 'Achterhoek');
  setParticipantValue(db, ids.Carla, region, 'Achterhoek');

  const one = transcript([
    { who: 'I', text: 'Hoe werkt de samenwerking met de huisarts?' },
    { who: 'Anna', text: 'De huisartsen in de wijk zijn betrokken. De coördinatie van zorg gaat goed, maar de financiering is tijdelijk.' },
    { who: 'I', text: 'En het sociaal domein?' },
    { who: 'Anna', text: 'Het sociaal domein schuift aan bij het overleg. Sociaal werk en het domein van de gemeente zijn nog gescheiden.' },
  ], ids);
  const two = transcript([
    { who: 'I', text: 'Wat merkt u van de financiën?' },
    { who: 'Bert', text: 'De coordinatie kost geld. Financiën zijn structureel een probleem voor de huisarts, en het café om de hoek 😀 is dicht.' },
    { who: 'Carla', text: 'Ik ga naar het cafe en naar mijn huisarts. 👍🏽 De huisarts luistert; zo’n huisarts wil je. Mijn collega’s ook.' },
  ], ids);
  const notes = 'Losse notitie over het sociaal domein.\n\nTweede alinea: huisartsen en financiering.';

  const s1 = addSource(db, { name: 'Interview Twente', originalFormat: 'txt', ...one });
  const s2 = addSource(db, { name: 'Interview Achterhoek', originalFormat: 'txt', ...two });
  const s3 = addSource(db, { name: 'Notities', originalFormat: 'txt', text: notes });
  const texts = new Map([[s1, one.text], [s2, two.text], [s3, notes]]);
  const search = (query: string, extra: Omit<SearchOptions, 'query'> = {}) => {
    const result = searchText(db, { query, ...extra });
    for (const h of result.hits) {
      const text = texts.get(h.sourceId)!;
      expect(text.slice(h.start, h.end), 'offsets').toBe(h.match);
      expect(h.before + h.match + h.after, 'keyword in context').toBe(text.slice(h.start - h.before.length, h.end + h.after.length));
      expect(h.before + h.after, 'context stays in the turn').not.toContain('\n\n');
    }
    return result;
  };
  const matches = (query: string, extra: Omit<SearchOptions, 'query'> = {}) => search(query, extra).hits.map((h) => h.match);
  return { db, ids, s1, s2, s3, texts, search, matches };
}

describe('search.text', () => {
  it('finds inflections both ways through the stems (huisarts ↔ huisartsen)', () => {
    const { matches } = setup();
    const all = ['huisarts', 'huisartsen', 'huisarts', 'huisarts', 'huisarts', 'huisarts', 'huisartsen'];
    expect(matches('huisarts')).toEqual(all);
    expect(matches('huisartsen')).toEqual(all);
    expect(matches('Huisarts')).toEqual(all);
    expect(matches('gemeenten')).toEqual(['gemeente']);
  });

  it('ignores diacritics (coördinatie ↔ coordinatie, café ↔ cafe, financiën ↔ financien)', () => {
    const { matches } = setup();
    expect(matches('coordinatie')).toEqual(['coördinatie', 'coordinatie']);
    expect(matches('coördinatie')).toEqual(['coördinatie', 'coordinatie']);
    expect(matches('café')).toEqual(['café', 'cafe']);
    expect(matches('cafe')).toEqual(['café', 'cafe']);
    expect(matches('financien')).toEqual(['financiën', 'Financiën']);
  });

  it('a phrase matches adjacent words only', () => {
    const { search, s1, s3 } = setup();
    const r = search('"sociaal domein"');
    expect(r.hits.map((h) => [h.sourceId, h.match, h.isInterviewer])).toEqual([
      [s1, 'sociaal domein', true],
      [s1, 'sociaal domein', false],
      [s3, 'sociaal domein', false],
    ]);
    // "Sociaal werk en het domein" has both words, not the phrase; both words AND-ed do find that turn.
    expect(search('sociaal domein').hits.filter((h) => h.match === 'domein')).toHaveLength(4);
    expect(search('"domein sociaal"').hits).toEqual([]);
  });

  it('a prefix finds every word that starts with it', () => {
    const { matches } = setup();
    expect(matches('financ*')).toEqual(['financiering', 'financiën', 'Financiën', 'financiering']);
    expect(matches('"sociaal dom"*')).toEqual(['sociaal domein', 'sociaal domein', 'sociaal domein']);
  });

  it('OR, NOT and AND apply per turn', () => {
    const { search, matches } = setup();
    expect(matches('coordinatie OF cafe')).toEqual(['coördinatie', 'coordinatie', 'café', 'cafe']);
    // Anna's first answer has huisartsen and financiering: left out; the others stay.
    const not = search('huisarts -financiering');
    expect(not.hits.map((h) => h.match)).toEqual(['huisarts', 'huisarts', 'huisarts', 'huisarts', 'huisarts']);
    expect(search('huisarts NIET financiering').hits).toEqual(not.hits);
    // AND: both words in one turn (Bert's), not merely in one source.
    expect(matches('coordinatie café')).toEqual(['coordinatie', 'café']);
    expect(matches('coördinatie gemeente')).toEqual([]);
  });

  it('filters by perspective, region and participant; interviewer turns are found and marked, but never pass a filter', () => {
    const { search, ids } = setup();
    const all = search('huisarts');
    expect(all.hits.map((h) => [h.isInterviewer, h.perspective])).toEqual([
      [true, null], [false, 'zorgprofessional'], [false, 'bestuurder'], [false, 'inwoner'], [false, 'inwoner'], [false, 'inwoner'], [false, null],
    ]);
    const interviewer = all.hits[0]!;
    expect(interviewer).toMatchObject({ speakerLabel: 'Interviewer', participantId: null, role: '', region: null });
    expect(all.hits[1]).toMatchObject({ participantId: ids.Anna, role: 'wijkverpleegkundige', region: 'Twente', speakerLabel: 'Anna' });
    expect(search('huisarts', { perspective: 'bestuurder' }).hits.map((h) => h.participantId)).toEqual([ids.Bert]);
    expect(search('huisarts', { region: 'Achterhoek' }).hits.map((h) => h.participantId)).toEqual([ids.Bert, ids.Carla, ids.Carla, ids.Carla]);
    expect(search('huisarts', { region: 'Twente' }).hits.map((h) => h.match)).toEqual(['huisartsen']);
    expect(search('huisarts', { participantId: ids.Carla }).hits).toHaveLength(3);
    expect(search('huisarts', { perspective: 'regulerende_partij' }).hits).toEqual([]);
    expect(search('huisarts', { perspective: 'inwoner', region: 'Twente' }).hits).toEqual([]);
    // A source without turns has no speaker: only unfiltered searches find it.
    expect(search('notitie').hits.map((h) => h.sourceName)).toEqual(['Notities']);
    expect(search('notitie', { perspective: 'inwoner' }).hits).toEqual([]);
  });

  it('restricts to chosen sources', () => {
    const { search, s2, s3 } = setup();
    expect(new Set(search('huisarts', { sourceIds: [s2, s3] }).hits.map((h) => h.sourceId))).toEqual(new Set([s2, s3]));
    expect(search('huisarts', { sourceIds: [999] }).hits).toEqual([]);
  });

  it('keyword in context: about 60 characters each side, whole words, inside the turn', () => {
    const { search, texts, s1 } = setup();
    const hit = search('overleg').hits[0]!;
    expect(hit.before).toBe('Het sociaal domein schuift aan bij het ');
    expect(hit.after).toBe('. Sociaal werk en het domein van de gemeente zijn nog');
    const text = texts.get(s1)!;
    for (const h of search('de').hits) {
      expect(h.before.length).toBeLessThanOrEqual(60);
      expect(h.after.length).toBeLessThanOrEqual(60);
      // Cut at whitespace: the context starts and ends with whole words.
      const from = h.start - h.before.length;
      const to = h.end + h.after.length;
      if (h.sourceId === s1) {
        expect(from === 0 || /\s/.test(text[from - 1]!)).toBe(true);
        expect(to === text.length || /\s/.test(text[to]!)).toBe(true);
      }
    }
    expect(search('overleg', { context: 10 }).hits[0]).toMatchObject({ before: 'bij het ', after: '. Sociaal' });
  });

  it('offsets are UTF-16 code units, also after emoji', () => {
    const { search, texts, s2 } = setup();
    const text = texts.get(s2)!;
    const hits = search('huisarts', { sourceIds: [s2] }).hits;
    expect(hits.map((h) => h.start)).toEqual([...text.matchAll(/huisarts/g)].map((m) => m.index));
    const afterEmoji = hits.find((h) => h.start > text.indexOf('👍🏽'))!;
    expect(afterEmoji.before.endsWith('👍🏽 De ')).toBe(true);
    expect(search('dicht').hits[0]!.before).toContain('😀');
  });

  it("collega's and zo'n: apostrophes inside words", () => {
    const { matches } = setup();
    expect(matches('collega')).toEqual(['collega’s']);
    expect(matches("collega's")).toEqual(['collega’s']);
    expect(matches("zo'n")).toEqual(['zo’n']);
  });

  it('no query, no results, no error', () => {
    const { search } = setup();
    for (const q of ['', '   ', '""', '*', '-huisarts', 'NIET huisarts', 'OF', '()']) expect(search(q), q).toEqual({ hits: [], truncated: false });
    expect(search('onbekendwoord')).toEqual({ hits: [], truncated: false });
  });

  it('FTS syntax in the query never throws', () => {
    const { search } = setup();
    const nasty = [
      '"', '"huisarts', 'huisarts"', 'NEAR(huisarts gemeente)', 'NEAR(', 'huisarts NEAR/2 gemeente', '*', 'huis*arts', '*huisarts',
      ':', 'body:huisarts', 'stems:huisart', '^huisarts', 'huisarts^', '(huisarts', 'huisarts)', '{body stems}: huisarts', '+huisarts',
      'huisarts AND', 'AND', 'OR OR', 'NOT NOT huisarts', "'", "huisarts'", '\\', '\u0000', '😀', '" OR 1=1 --', "'; DROP TABLE sources; --",
      'x'.repeat(500), 'huisarts '.repeat(60), '-"', '"*"', '"sociaal domein"*"',
    ];
    for (const q of nasty) expect(() => search(q), q).not.toThrow();
    expect(search('NEAR(huisarts').hits.length).toBe(0);
    expect(search('(huisarts)').hits.length).toBe(7);
  });

  it('hits come in source and position order, capped at the limit with truncated set', () => {
    const { search } = setup();
    const all = search('de').hits;
    const order = all.map((h) => [h.sourceId, h.start]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(all.length).toBeGreaterThan(10);
    const capped = search('de', { limit: 5 });
    expect(capped.truncated).toBe(true);
    expect(capped.hits).toEqual(all.slice(0, 5));
    expect(search('de', { limit: all.length })).toEqual({ hits: all, truncated: false });
  });

  it('stays in source order after a source is re-indexed (its index rows then come last)', () => {
    const { db, search, s1, texts } = setup();
    const before = search('huisarts').hits;
    const turns = db.sqlite.prepare('SELECT start, "end" FROM turns WHERE source_id = ? ORDER BY start').all(s1) as { start: number; end: number }[];
    db.sqlite.transaction(() => indexSource(db, s1, texts.get(s1)!, indexChunks(texts.get(s1)!, turns)))();
    const rowOrder = db.sqlite.prepare('SELECT source_id FROM search_index ORDER BY rowid').pluck().all() as number[];
    expect(rowOrder[rowOrder.length - 1]).toBe(s1);
    expect(search('huisarts').hits).toEqual(before);
  });

  it('sees changed speakers at once (what a search remembers lasts until the next write)', () => {
    const { db, search, ids, s2 } = setup();
    expect(search('huisarts', { perspective: 'bestuurder' }).hits.map((h) => h.participantId)).toEqual([ids.Bert]);
    db.sqlite.prepare("UPDATE participants SET perspective = 'inwoner', role = 'oud-directeur' WHERE id = ?").run(ids.Bert);
    expect(search('huisarts', { perspective: 'bestuurder' }).hits).toEqual([]);
    expect(search('huisarts', { perspective: 'inwoner' }).hits.map((h) => h.role)).toEqual(['oud-directeur', '', '', '']);
    // Carla's turn becomes an interviewer turn.
    db.sqlite.prepare('UPDATE turns SET participant_id = NULL, is_interviewer = 1 WHERE participant_id = ? AND source_id = ?').run(ids.Carla, s2);
    expect(search('huisarts', { perspective: 'inwoner' }).hits.map((h) => h.participantId)).toEqual([ids.Bert]);
    expect(search('cafe').hits.map((h) => h.isInterviewer)).toEqual([false, true]);
  });

  it('sees a changed text and name at once (the text cache checks what was written)', () => {
    const { db, search, s3, texts } = setup();
    expect(search('notitie').hits).toHaveLength(1);
    texts.set(s3, 'Een nieuwe tekst over de wachtlijst.');
    editText(db, s3, texts.get(s3)!);
    expect(search('notitie').hits).toEqual([]);
    expect(search('wachtlijst').hits.map((h) => [h.sourceName, h.match, h.start])).toEqual([['Notities', 'wachtlijst', 25]]);
    db.sqlite.prepare('UPDATE sources SET name = ? WHERE id = ?').run('Notities (nieuw)', s3);
    expect(search('wachtlijst').hits[0]!.sourceName).toBe('Notities (nieuw)');
    expect(textCache(db.sqlite).size).toBeGreaterThan(0);
  });
});

function editText(db: ProjectDb, id: number, text: string): void {
  db.sqlite.transaction(() => {
    db.sqlite.prepare('UPDATE sources SET text = ?, text_hash = ? WHERE id = ?').run(text, textHash(text), id);
    indexSource(db, id, text, indexChunks(text, []));
  })();
}

describe('text cache', () => {
  it('keeps to its budget, least recently used out, and leaves unknown ids out', () => {
    const { db, s1, s2, s3, texts } = setup();
    const len = (id: number) => texts.get(id)!.length;
    const cache = new TextCache(db.sqlite, len(s1) + len(s3));
    const out = new Map<number, SourceText>();
    cache.load([s1, s2, s3, 999], out);
    expect([...out.keys()].sort()).toEqual([s1, s2, s3].sort());
    expect(out.get(s2)!.text).toBe(texts.get(s2));
    expect(cache.size).toBeLessThanOrEqual(len(s1) + len(s3));
    // A text larger than the whole budget is served but not kept.
    const tiny = new TextCache(db.sqlite, 10);
    const got = new Map<number, SourceText>();
    tiny.load([s1], got);
    expect(got.get(s1)!.text).toBe(texts.get(s1));
    expect(tiny.size).toBe(0);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('search.text through dispatch', () => {
  it('needs an open project', async () => {
    const dispatch = createDispatcher({ session: tmp.track(new Session()) });
    expect(await dispatch('search.text', { query: 'huisarts' })).toMatchObject({ ok: false, error: { code: 'no_project' } });
  });

  it('answers hits for an open project and refuses bad input', async () => {
    const dir = tmp.dir();
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    const made = await dispatch('project.new', { path: join(dir, 'p.duiding'), template: 'empty' });
    expect(made.ok).toBe(true);
    const db = session.requireProject();
    addSource(db, { name: 'A', originalFormat: 'txt', text: 'De huisartsen en het sociaal domein.' });
    const r = (await dispatch('search.text', { query: 'huisarts' })) as Result<SearchResult>;
    expect(r.ok && r.data.hits.map((h) => h.match)).toEqual(['huisartsen']);
    const phrase = (await dispatch('search.text', { query: '"sociaal domein"', limit: 1, context: 5 })) as Result<SearchResult>;
    expect(phrase.ok && phrase.data).toMatchObject({ truncated: false, hits: [{ match: 'sociaal domein', before: 'het ', after: '.' }] });
    for (const bad of [{ query: '' }, { query: 'x'.repeat(501) }, { query: 'x', limit: 0 }, { query: 'x', perspective: 'Bestuurder' }, { query: 'x', extra: 1 }, {}]) {
      const res = await dispatch('search.text', bad);
      expect(res.ok, JSON.stringify(bad)).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('invalid_input');
    }
    for (const q of ['"', 'NEAR(', '*', ':', '^', '-']) {
      const res = (await dispatch('search.text', { query: q })) as Result<SearchResult>;
      expect(res.ok, q).toBe(true);
    }
  });
});
