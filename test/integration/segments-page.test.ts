// Retrieval proportional to the rows returned (issue 12 §5): a page of segments reads
// the texts of its own transcripts only, while the total still counts every segment.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createProject } from '../../src-main/services/project.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { addParticipant } from '../../src-main/participants/participants.ts';
import { codingInserter } from '../../src-main/services/codings.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { listSegments } from '../../src-main/services/segments.ts';
import { textCache } from '../../src-main/search/texts.ts';
import { listShownSegments } from '../../src-main/exports/anonymised-segments.ts';
import { passageReader } from '../../src-main/analysis/passage-text.ts';
import { anonymisedReader } from '../../src-main/exports/anonymised-segments.ts';
import { WindowedText, type TextView } from '../../src-main/search/text-view.ts';
import { useTmp } from '../helpers/tmp.ts';

describe('a page of coded segments', () => {
  const tmp = useTmp();

  it('reads only the texts of the transcripts on the page; total and filters still see everything', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'p.duiding'), { template: 'jzojp' }));
    const code = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 1").pluck().get() as number;
    const coder = ensureUser(db, 'Tester');
    const insert = codingInserter(db);
    const lengths = new Map<number, number>();
    for (let i = 0; i < 20; i++) {
      const person = addParticipant(db, { name: `P${i}`, perspective: i % 2 ? 'bestuurder' : 'inwoner' });
      const text = `Transcript ${i}: ${'de huisarts en de gemeente werken samen in de wijk. '.repeat(40)}`;
      const id = addSource(db, { name: `T${i}`, text, originalFormat: 'txt', turns: [{ start: 0, end: text.length, speakerLabel: 'R', isInterviewer: false, participantId: person }] });
      lengths.set(id, text.length);
      insert({ sourceId: id, codeId: code, coderId: coder, start: 0, end: 30 });
      insert({ sourceId: id, codeId: code, coderId: coder, start: 40, end: 80 });
    }
    const query = { codeIds: [code], mode: 'or' as const, filter: {}, anonymise: true, context: 50, limit: 3 };
    textCache(db.sqlite).clear();
    const page = listSegments(db, query);
    expect(page.total).toBe(40);
    expect(page.truncated).toBe(true);
    expect(page.segments).toHaveLength(3);
    const shown = [...new Set(page.segments.map((s) => s.sourceId))];
    expect(shown).toHaveLength(2);
    expect(textCache(db.sqlite).size).toBe(shown.reduce((n, id) => n + lengths.get(id)!, 0));
    expect(page.segments[0]).toMatchObject({ perspective: 'inwoner', text: 'Transcript 0: de huisarts en d' });
    // With a speaker filter the total counts only that perspective, and the page is its first rows.
    const filtered = listSegments(db, { ...query, filter: { perspective: 'bestuurder' } });
    expect(filtered.total).toBe(20);
    expect(filtered.segments.every((s) => s.perspective === 'bestuurder')).toBe(true);
    // The whole list equals the pages put together.
    const all = listSegments(db, { ...query, limit: 1000 });
    expect(all.segments.slice(0, 3)).toEqual(page.segments);
    expect(all.total).toBe(40);
  });

  it('attributes and quotes each passage exactly as when every turn is read, though it reads only the turns around them', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'turns.duiding'), { template: 'jzojp' }));
    const [code, other] = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 2").pluck().all() as [number, number];
    const coder = ensureUser(db, 'Tester');
    const insert = codingInserter(db);
    const people = (['inwoner', 'bestuurder', 'zorgprofessional'] as const).map((p, i) => addParticipant(db, { name: `P${i}`, perspective: p }));
    // Three transcripts, read in one statement: each passage must get the turns of its own transcript only.
    // A title before the first turn, then speech, interviewer turns, notes and gaps (a blank line between turns belongs to none).
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const sourceIds: number[] = [];
    for (let s = 0; s < 3; s++) {
      let text = `${'Gesprek over de wijk, verslag '.repeat(s + 1)}\n\n`;
      const turns: { start: number; end: number; speakerLabel: string; isInterviewer: boolean; participantId: number | null; kind?: 'note' }[] = [];
      for (let i = 0; i < 60; i++) {
        const kind = (i + s) % 7 === 3 ? 'note' : (i + s) % 4 === 0 ? 'interviewer' : 'speech';
        const line = kind === 'note' ? '[lacht]' : `Zin ${i} over de wijk. En nog een zin die doorloopt${' ja'.repeat(s * (i % 3))}`;
        const start = text.length;
        text += `${line}\n\n`;
        turns.push({ start, end: start + line.length, speakerLabel: kind === 'interviewer' ? 'I' : 'R', isInterviewer: kind === 'interviewer',
          participantId: kind === 'speech' ? people[(i + s) % 3]! : null, ...(kind === 'note' ? { kind: 'note' as const } : {}) });
      }
      const sourceId = addSource(db, { name: `T${s}`, text, originalFormat: 'txt', turns });
      sourceIds.push(sourceId);
      // Passages that start in a gap, inside a note, mid-sentence, span several turns, or cover the start and end.
      // In the title, at the very end, and short passages far apart (most turns lie outside every window).
      const ranges = [[0, 5], [12, 40], [text.length - 9, text.length]];
      for (let i = 0; i < 40; i++) {
        const start = next(text.length - 1);
        ranges.push([start, Math.min(text.length, start + 1 + (i % 2 ? next(300) : next(12)))]);
      }
      for (const [start, end] of ranges) insert({ sourceId, codeId: code, coderId: coder, start: start!, end: end! });
      // A second code over some of them, shifted: AND gives the overlaps, OVERLAP the unions (ranges no coding has).
      for (const [start, end] of ranges.filter((_, i) => i % 3 === 0)) insert({ sourceId, codeId: other, coderId: coder, start: Math.max(0, start! - 20), end: Math.max(1, end! - 3) });
    }
    // The reference: a passage reader that reads every turn, and the speaker from every turn.
    const read = passageReader(db);
    const all = db.sqlite.prepare('SELECT source_id AS s, start, "end", kind, is_interviewer AS i, participant_id AS p FROM turns ORDER BY source_id, start').all() as
      { s: number; start: number; end: number; kind: string; i: number; p: number | null }[];
    for (const sourceId of sourceIds) expect(all.find((t) => t.s === sourceId)!.start).toBeGreaterThan(0);
    for (const mode of ['or', 'and', 'overlap'] as const) {
      const query = { codeIds: mode === 'or' ? [code] : [code, other], mode, filter: {}, anonymise: true, context: 40, limit: 1000 };
      const { list, shown } = listShownSegments(db, query, 'nl');
      expect(list.segments.length).toBeGreaterThan(mode === 'or' ? 3 * 43 - 1 : 15);
      expect(new Set(list.segments.map((s) => s.sourceId))).toEqual(new Set(sourceIds));
      // The turns handed to the passage reader: in order and each once, though several windows start in one turn.
      listSegments(db, query, (_id, src) => {
        const starts = src.turns!.map((t) => t.start);
        expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
      });
      for (const s of list.segments) {
        expect(shown!(s).said, `${mode} ${s.sourceId} ${s.start}-${s.end}`).toBe(read(s.sourceId, s.start, s.end).said);
        const speech = all.filter((t) => t.s === s.sourceId && t.kind === 'speech' && t.start < s.end && t.end > s.start);
        const speaker = speech.find((t) => t.i === 0 && t.p !== null);
        expect(s.participantId).toBe(speaker?.p ?? null);
        expect(s.isInterviewer).toBe(!speaker && speech.length > 0);
      }
    }
  });

  it('a pass over many transcripts decodes only the stretches around its passages, and shows what the whole text shows', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'windows.duiding'), { template: 'jzojp' }));
    const [code, other] = db.sqlite.prepare("SELECT id FROM codes WHERE role = 'code' ORDER BY id LIMIT 2").pluck().all() as [number, number];
    const coder = ensureUser(db, 'Tester');
    const insert = codingInserter(db);
    const person = addParticipant(db, { name: 'Marieke', perspective: 'inwoner' });
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    // More transcripts than a retrieval keeps texts of (64): the pass that an export makes. Two-byte letters and
    // emoji (surrogate pairs) move UTF-16 offsets away from the stored UTF-8 bytes; every fifth transcript has no turns.
    const withTurns = new Set<number>();
    for (let s = 0; s < 90; s++) {
      let text = s % 6 === 0 ? 'Kop 😀\n\n' : '';
      const turns: { start: number; end: number; speakerLabel: string; isInterviewer: boolean; participantId: number | null; kind?: 'note' }[] = [];
      for (let i = 0; i < 30; i++) {
        const line = i % 9 === 4 ? '[lacht] 😀' : `Zin ${i}: de patiënt’s zorg 😀 “goed” geregeld. En dan nog wat${i % 2 ? '…' : ''}`;
        const start = text.length;
        text += `${line}\n\n`;
        turns.push({ start, end: start + line.length, speakerLabel: 'R', isInterviewer: i % 5 === 0, participantId: i % 5 === 0 || i % 9 === 4 ? null : person, ...(i % 9 === 4 ? { kind: 'note' as const } : {}) });
      }
      const sourceId = addSource(db, { name: `T${s}`, text, originalFormat: 'txt', turns: s % 5 === 4 ? [] : turns });
      if (s % 5 !== 4) withTurns.add(sourceId);
      const ranges = [[0, 3], [text.length - 4, text.length]];
      // A coding never splits a surrogate pair.
      const whole = (x: number) => ((text.charCodeAt(x) & 0xfc00) === 0xdc00 ? x + 1 : x);
      for (let i = 0; i < 6; i++) {
        const start = whole(next(text.length - 2));
        ranges.push([start, whole(Math.min(text.length, start + 1 + next(i % 2 ? 200 : 15)))]);
      }
      for (const [start, end] of ranges) insert({ sourceId, codeId: code, coderId: coder, start: start!, end: end! });
      // A second code over some of them, shifted: AND and OVERLAP make passages no single coding has.
      for (const [start, end] of ranges.filter((_, i) => i % 3 === 0)) insert({ sourceId, codeId: other, coderId: coder, start: whole(Math.max(0, start! - 20)), end: end! });
    }
    const query = { codeIds: [code], mode: 'or' as const, filter: {}, anonymise: true, context: 30, limit: 10_000 };
    textCache(db.sqlite).clear();
    // The pass, as the anonymised export makes it: each transcript's shown texts while its text is at hand.
    const known = new Map<number, { name: string; text: TextView }>();
    const shownOf = anonymisedReader(db, 'nl', known);
    const views = new Map<number, TextView>();
    const shown = new Map<string, string>();
    const pass = listSegments(db, query, (sourceId, src, segments) => {
      known.clear();
      known.set(sourceId, src);
      views.set(sourceId, src.text);
      for (const s of segments) shown.set(`${s.sourceId}:${s.start}:${s.end}`, shownOf(s).text);
    });
    expect(pass.segments).toHaveLength(90 * 8);
    expect(textCache(db.sqlite).size).toBe(0);
    for (const [sourceId, text] of views) {
      expect(text).toBeInstanceOf(WindowedText);
      // Passages in turns need nothing beyond their turns; without turns a quote's line may run anywhere.
      if (withTurns.has(sourceId)) expect((text as WindowedText).decodedWhole, `transcript ${sourceId}`).toBe(false);
    }
    // The reference: one transcript at a time, each read whole.
    for (const sourceId of views.keys()) {
      const one = listShownSegments(db, { ...query, filter: { sourceId } }, 'nl');
      const mine = pass.segments.filter((s) => s.sourceId === sourceId);
      expect(mine).toEqual(one.list.segments);
      for (const s of one.list.segments) expect(shown.get(`${s.sourceId}:${s.start}:${s.end}`)).toBe(one.shown!(s).text);
    }

    // Other passes: AND and OVERLAP, a speaker filter, no context, names shown. Each against the same
    // query one transcript at a time (whole texts); the cache is emptied first, so the pass reads windows.
    const variants = [
      { ...query, codeIds: [code, other], mode: 'and' as const },
      { ...query, codeIds: [code, other], mode: 'overlap' as const, context: 0 },
      { ...query, filter: { perspective: 'inwoner' as const }, context: 90 },
      { ...query, anonymise: false },
    ];
    for (const variant of variants) {
      textCache(db.sqlite).clear();
      const { list, shown: shownOf } = listShownSegments(db, variant, 'nl');
      // From more transcripts than a retrieval keeps (64): the pass reads windows.
      expect(new Set(list.segments.map((s) => s.sourceId)).size).toBeGreaterThan(64);
      for (const sourceId of views.keys()) {
        const one = listShownSegments(db, { ...variant, filter: { ...variant.filter, sourceId } }, 'nl');
        const mine = list.segments.filter((s) => s.sourceId === sourceId);
        expect(mine, `${variant.mode} ${JSON.stringify(variant.filter)} ${sourceId}`).toEqual(one.list.segments);
        if (variant.anonymise) mine.forEach((s, i) => expect(shownOf!(s).text).toBe(one.shown!(one.list.segments[i]!).text));
      }
    }
  });
});
