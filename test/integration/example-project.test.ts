// The services on the example project, checked against a computation by hand
// from the example content itself.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleProject, EXAMPLE_CODER, layOutTurns } from '../../src-main/example/build-example.ts';
import { EXAMPLE_INTERVIEWS } from '../../src-main/example/example-content.ts';
import { listCodes } from '../../src-main/services/codebook.ts';
import { getSource, listSources } from '../../src-main/sources/sources.ts';
import { attributeIdByKey, listParticipants } from '../../src-main/participants/participants.ts';
import { projectInfo } from '../../src-main/services/project.ts';
import { APPLICATION_ID, openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { PERSPECTIVES, type Perspective } from '../../src-shared/domain/perspectives.ts';
import type { CodeRow, ProjectInfo, ProjectSummary } from '../../src-shared/contracts/index.ts';
import { fingerprint, useTmp } from '../helpers/tmp.ts';
import { loadMigrations as loadSchemaMigrations } from '../../src-main/db/migrations.ts';

const LATEST_SCHEMA = loadSchemaMigrations().length;

interface Expected {
  segments: number;
  participants: Set<string>;
  sources: Set<string>;
}

/** Counts per code path ('A > B'), computed from the content, optionally for one perspective. */
function handCounts(perspective?: Perspective): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const interview of EXAMPLE_INTERVIEWS) {
    for (const c of interview.codings) {
      const speaker = interview.turns[c.turn]!.speaker;
      const person = interview.participants.find((p) => p.label === speaker)!;
      if (perspective && person.perspective !== perspective) continue;
      const key = c.code.join(' > ');
      const e = out.get(key) ?? { segments: 0, participants: new Set(), sources: new Set() };
      e.segments++;
      e.participants.add(person.name);
      e.sources.add(interview.name);
      out.set(key, e);
    }
  }
  return out;
}

/** Totals per code path: the same counts over the code and everything below it. */
function handTotals(rows: CodeRow[], perspective?: Perspective) {
  const hand = [...handCounts(perspective)];
  return new Map(
    [...byPath(rows).keys()].map((k) => {
      const below = hand.filter(([path]) => path === k || path.startsWith(`${k} > `)).map(([, e]) => e);
      return [k, {
        segments: below.reduce((n, e) => n + e.segments, 0),
        participants: new Set(below.flatMap((e) => [...e.participants])).size,
        sources: new Set(below.flatMap((e) => [...e.sources])).size,
      }];
    }),
  );
}

/** listCodes rows keyed by their name path. */
function byPath(rows: CodeRow[]): Map<string, CodeRow> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path = (r: CodeRow): string => (r.parentId === null ? r.name : `${path(byId.get(r.parentId)!)} > ${r.name}`);
  return new Map(rows.map((r) => [path(r), r]));
}

function countsOf(rows: CodeRow[]) {
  return new Map([...byPath(rows)].map(([k, r]) => [k, r.counts]));
}

function expectedCounts(rows: CodeRow[], perspective?: Perspective) {
  const hand = handCounts(perspective);
  return new Map(
    [...byPath(rows).keys()].map((k) => {
      const e = hand.get(k);
      return [k, { segments: e?.segments ?? 0, participants: e?.participants.size ?? 0, sources: e?.sources.size ?? 0 }];
    }),
  );
}

const allCodings = EXAMPLE_INTERVIEWS.flatMap((i) => i.codings);
const allPeople = new Map(EXAMPLE_INTERVIEWS.flatMap((i) => i.participants.map((p) => [p.name, p])));

describe('the example project', () => {
  const tmp = useTmp();
  const example = (): ProjectDb => tmp.track(createExampleProject(join(tmp.dir(), 'voorbeeld.duiding')));

  it('has three sources, its participants, one coder and every coding', () => {
    const db = example();
    const info = projectInfo(db);
    expect(info.counts).toEqual({
      sources: 3,
      participants: allPeople.size,
      codes: 35,
      codings: allCodings.length,
      users: 1,
      turns: EXAMPLE_INTERVIEWS.reduce((n, i) => n + i.turns.length, 0),
    });
    expect(allPeople.size).toBe(4);
    expect(allCodings.length).toBe(21);
    expect(info.project.name).toBe('Voorbeeldproject JZOJP');
    expect(info.perspectives).toEqual(PERSPECTIVES.map((key) => ({ key, participants: 1 })));
    expect(db.sqlite.prepare('SELECT name FROM users').pluck().all()).toEqual([EXAMPLE_CODER]);
  });

  it('takes its name from the language', () => {
    const db = tmp.track(createExampleProject(join(tmp.dir(), 'example.duiding'), 'en'));
    expect(projectInfo(db).project.name).toBe('Example project JZOJP');
  });

  it('every coding lies inside one non-interviewer turn and covers exactly its quote', () => {
    const db = example();
    const sources = listSources(db);
    let seen = 0;
    for (const item of sources) {
      const src = getSource(db, item.id);
      const interview = EXAMPLE_INTERVIEWS.find((i) => i.name === src.name)!;
      const quotes: string[] = [];
      for (const c of src.codings) {
        const turn = src.turns.find((t) => t.start <= c.start && c.end <= t.end);
        expect(turn, `coding ${c.id} is inside a turn`).toBeDefined();
        expect(turn!.isInterviewer).toBe(false);
        expect(turn!.participant).not.toBeNull();
        quotes.push(src.text.slice(c.start, c.end));
        seen++;
      }
      expect(quotes.sort()).toEqual(interview.codings.map((c) => c.quote).sort());
      // Key quotes are the flagged ones.
      const keyQuotes = src.codings.filter((c) => c.isKeyQuote).map((c) => src.text.slice(c.start, c.end)).sort();
      expect(keyQuotes).toEqual(interview.codings.filter((c) => c.keyQuote).map((c) => c.quote).sort());
    }
    expect(seen).toBe(allCodings.length);
  });

  it('a coding lands in the turn the content names', () => {
    const db = example();
    for (const interview of EXAMPLE_INTERVIEWS) {
      const src = getSource(db, listSources(db).find((s) => s.name === interview.name)!.id);
      const { ranges } = layOutTurns(interview);
      for (const c of interview.codings) {
        const r = ranges[c.turn]!;
        const at = src.text.indexOf(c.quote, r.start);
        expect(at).toBeGreaterThanOrEqual(r.start);
        expect(at + c.quote.length).toBeLessThanOrEqual(r.end);
        expect(src.codings.some((x) => x.start === at && x.end === at + c.quote.length)).toBe(true);
      }
    }
  });

  it('listCodes counts match a hand computation', () => {
    const db = example();
    const rows = listCodes(db);
    expect(countsOf(rows)).toEqual(expectedCounts(rows));
    // A few spelled out, so the hand computation itself is checked too.
    const counts = countsOf(rows);
    expect(counts.get('Bekostiging en financiering > Prikkels in de bekostiging')).toEqual({ segments: 2, participants: 1, sources: 1 });
    expect(counts.get('Inwonerparticipatie > Inwonerinitiatieven en informele zorg')).toEqual({ segments: 2, participants: 2, sources: 2 });
    expect(counts.get('Kwetsbare groepen > Bereik en toegankelijkheid')).toEqual({ segments: 2, participants: 2, sources: 2 });
    // Counts are per code alone: a building block does not add up its sub-codes.
    expect(counts.get('Bekostiging en financiering')).toEqual({ segments: 0, participants: 0, sources: 0 });
    const total = rows.reduce((n, r) => n + r.counts.segments, 0);
    expect(total).toBe(allCodings.length);
  });

  it('listCodes totals add up each subtree (a segment counts once)', () => {
    const db = example();
    const rows = listCodes(db);
    const totals = new Map([...byPath(rows)].map(([k, r]) => [k, r.totals]));
    expect(totals).toEqual(handTotals(rows));
    expect(totals.get('Bekostiging en financiering')).toEqual({ segments: 5, participants: 3, sources: 2 });
    // A leaf's totals are its own counts.
    for (const r of rows) if (!rows.some((c) => c.parentId === r.id)) expect(r.totals).toEqual(r.counts);
    const topTotal = rows.filter((r) => r.parentId === null).reduce((n, r) => n + r.totals.segments, 0);
    expect(topTotal).toBe(allCodings.length);
  });

  it.each(PERSPECTIVES)('the perspective filter %s keeps only that perspective', (perspective) => {
    const db = example();
    const rows = listCodes(db, perspective);
    expect(countsOf(rows)).toEqual(expectedCounts(rows, perspective));
    expect(new Map([...byPath(rows)].map(([k, r]) => [k, r.totals]))).toEqual(handTotals(rows, perspective));
    const unfiltered = listCodes(db);
    expect(rows.map((r) => r.id)).toEqual(unfiltered.map((r) => r.id)); // same tree, other counts
    const total = rows.reduce((n, r) => n + r.counts.segments, 0);
    expect(total).toBeLessThan(allCodings.length);
    expect(total).toBe([...handCounts(perspective).values()].reduce((n, e) => n + e.segments, 0));
  });

  it('the perspective filter changes counts', () => {
    const db = example();
    const all = countsOf(listCodes(db));
    const key = 'Inwonerparticipatie > Inwonerinitiatieven en informele zorg';
    expect(all.get(key)!.segments).toBe(2);
    expect(countsOf(listCodes(db, 'inwoner')).get(key)).toEqual({ segments: 1, participants: 1, sources: 1 });
    expect(countsOf(listCodes(db, 'bestuurder')).get(key)).toEqual({ segments: 0, participants: 0, sources: 0 });
  });

  it('listParticipants has perspective, role and region values', () => {
    const db = example();
    const regionId = attributeIdByKey(db, 'region')!;
    expect(regionId).not.toBeNull();
    const rows = listParticipants(db);
    expect(rows.map((r) => r.name)).toEqual([...allPeople.keys()].sort((a, b) => a.localeCompare(b, 'nl')));
    for (const row of rows) {
      const p = allPeople.get(row.name)!;
      expect(row).toMatchObject({ perspective: p.perspective, role: p.role, sources: 1 });
      expect(row.values).toEqual({ [regionId]: p.region });
      const interview = EXAMPLE_INTERVIEWS.find((i) => i.participants.some((x) => x.name === row.name))!;
      const label = interview.participants.find((x) => x.name === row.name)!.label;
      expect(row.turns).toBe(interview.turns.filter((t) => t.speaker === label).length);
    }
  });

  it('getSource returns turns in order, with participants and perspective; interviewer turns have none', () => {
    const db = example();
    for (const item of listSources(db)) {
      const src = getSource(db, item.id);
      const interview = EXAMPLE_INTERVIEWS.find((i) => i.name === src.name)!;
      expect(src.turns.map((t) => t.speakerLabel)).toEqual(interview.turns.map((t) => t.speaker));
      expect(src.turns.map((t) => src.text.slice(t.start, t.end))).toEqual(interview.turns.map((t) => t.text));
      for (let i = 1; i < src.turns.length; i++) expect(src.turns[i]!.start).toBeGreaterThanOrEqual(src.turns[i - 1]!.end);
      for (const t of src.turns) {
        if (t.speakerLabel === interview.interviewerLabel) {
          expect(t.isInterviewer).toBe(true);
          expect(t.participant).toBeNull();
        } else {
          const p = interview.participants.find((x) => x.label === t.speakerLabel)!;
          expect(t.isInterviewer).toBe(false);
          expect(t.participant).toMatchObject({ name: p.name, perspective: p.perspective, role: p.role });
        }
      }
      const first = interview.turns[0]!;
      if (first.timestamp) {
        const [h, m, s] = first.timestamp.split(':').map(Number);
        expect(src.turns[0]!.timestampMs).toBe(((h! * 60 + m!) * 60 + s!) * 1000);
      }
      expect(src.originalFormat).toBe('example');
      expect(src.text.includes('\r')).toBe(false);
      // Codings come sorted by position.
      const starts = src.codings.map((c) => c.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('listSources summarises each source', () => {
    const db = example();
    const list = listSources(db);
    expect(list.map((s) => s.name)).toEqual(EXAMPLE_INTERVIEWS.map((i) => i.name).sort((a, b) => a.localeCompare(b, 'nl')));
    for (const s of list) {
      const interview = EXAMPLE_INTERVIEWS.find((i) => i.name === s.name)!;
      const src = getSource(db, s.id);
      expect(s).toMatchObject({
        characters: src.text.length,
        turns: interview.turns.length,
        codings: interview.codings.length,
        originalFormat: 'example',
      });
      expect(s.perspectives.sort()).toEqual([...new Set(interview.participants.map((p) => p.perspective))].sort());
    }
  });

  it('getSource of a missing id → entity.not_found', () => {
    const db = example();
    expect(() => getSource(db, 9999)).toThrow(expect.objectContaining({ code: 'entity.not_found', params: { entity: 'source', id: 9999 } }));
  });
});

describe('project.saveAs', () => {
  const tmp = useTmp();

  function header(path: string) {
    const db = new Database(path, { fileMustExist: true });
    try {
      return { applicationId: db.pragma('application_id', { simple: true }), userVersion: db.pragma('user_version', { simple: true }) };
    } finally {
      db.close();
    }
  }

  it('writes a copy that opens as a project with identical counts, and switches to it', async () => {
    const dir = tmp.dir();
    const original = join(dir, 'voorbeeld.duiding');
    createExampleProject(original).close();
    const session = tmp.track(new Session());
    const events: string[] = [];
    session.subscribe((e) => events.push(e));
    const dispatch = createDispatcher({ session });
    expect((await dispatch('project.open', { path: original })).ok).toBe(true);
    const before = ((await dispatch('project.info', {})) as { ok: true; data: ProjectInfo }).data;
    const codesBefore = ((await dispatch('codebook.list', {})) as { ok: true; data: CodeRow[] }).data;

    const copy = join(dir, 'kopie.duiding');
    const saved = await dispatch('project.saveAs', { path: copy });
    expect(saved.ok).toBe(true);
    expect((saved as { data: ProjectSummary }).data).toMatchObject({ path: copy, guid: before.project.guid, name: before.project.name });
    expect(session.project?.path).toBe(copy);
    expect(events.length).toBeGreaterThanOrEqual(2);

    const after = ((await dispatch('project.info', {})) as { ok: true; data: ProjectInfo }).data;
    expect(after.counts).toEqual(before.counts);
    expect(after.codebook).toEqual(before.codebook);
    expect(after.perspectives).toEqual(before.perspectives);
    expect(after.regions).toEqual(before.regions);
    expect(((await dispatch('codebook.list', {})) as { ok: true; data: CodeRow[] }).data).toEqual(codesBefore);

    session.close();
    expect(header(copy)).toEqual(header(original));
    expect(header(copy)).toEqual({ applicationId: APPLICATION_ID, userVersion: LATEST_SCHEMA });
    // Both files open on their own; nothing is left beside them.
    tmp.track(openProjectDb(original)).close();
    const reopened = tmp.track(openProjectDb(copy));
    expect(projectInfo(reopened).counts).toEqual(before.counts);
    reopened.close();
    expect(readdirSync(dir).sort()).toEqual(['kopie.duiding', 'voorbeeld.duiding']);
  });

  it('refuses to overwrite an existing file, and keeps the current project open', async () => {
    const dir = tmp.dir();
    const original = join(dir, 'voorbeeld.duiding');
    const other = join(dir, 'ander.duiding');
    createExampleProject(original).close();
    createExampleProject(other).close();
    const before = fingerprint(other);
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, language: () => 'en' });
    await dispatch('project.open', { path: original });
    const result = await dispatch('project.saveAs', { path: other });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'project.exists', params: { file: 'ander.duiding' } });
    expect(!result.ok && result.error.message).toContain('ander.duiding');
    expect(fingerprint(other)).toEqual(before);
    expect(session.project?.path).toBe(original);
    expect((await dispatch('project.info', {})).ok).toBe(true);
  });

  it('into a missing folder → project.unwritable, and nothing is left', async () => {
    const dir = tmp.dir();
    const original = join(dir, 'voorbeeld.duiding');
    createExampleProject(original).close();
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session });
    await dispatch('project.open', { path: original });
    const result = await dispatch('project.saveAs', { path: join(dir, 'nergens', 'kopie.duiding') });
    expect(!result.ok && result.error).toMatchObject({ code: 'project.unwritable', params: { file: 'kopie.duiding' } });
    expect(session.project?.path).toBe(original);
    expect(readdirSync(dir).filter((f) => !f.startsWith('voorbeeld.duiding'))).toEqual([]);
    session.close();
    expect(readdirSync(dir)).toEqual(['voorbeeld.duiding']);
  });
});
