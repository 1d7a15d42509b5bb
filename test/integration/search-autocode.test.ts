// Autocode on a real project file through the real dispatcher: preview counts,
// exactly the expected codings, skipping what is already coded, match /
// sentence / turn extents, one undo step for the lot, redo, and refusals that
// write nothing.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../helpers/tmp.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource, type NewTurn } from '../../src-main/sources/sources.ts';
import { addParticipant } from '../../src-main/participants/participants.ts';
import { createCode } from '../../src-main/services/codebook-edit.ts';
import { Session } from '../../src-main/session.ts';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { AUTOCODE_PASSAGE_CHARS, AUTOCODE_PREVIEW_PASSAGES, type AutocodePreview, type AutocodeResult, type SearchResult } from '../../src-shared/contracts/search.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { EntityTag } from '../../src-shared/contracts/index.ts';

const tmp = useTmp('duiding-autocode-');

/** Joins turns with blank lines; 'I' is the interviewer. */
function transcript(turns: { who: string; text: string }[], ids: Record<string, number>): { text: string; turns: NewTurn[] } {
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

const TURN_ANNA = 'De huisartsen in de wijk zijn betrokken. Met de huisarts bel ik vaak! Verder gaat het goed.';
const TURN_CARLA = 'Ik ga naar mijn huisarts. Die luistert.';

async function setup() {
  const path = join(tmp.dir(), 'auto.duiding');
  const db = createProject(path, { template: 'jzojp' });
  const ids = {
    Anna: addParticipant(db, { name: 'Anna de Wit', perspective: 'zorgprofessional', role: 'wijkverpleegkundige' }),
    Carla: addParticipant(db, { name: 'Carla Jansen', perspective: 'inwoner' }),
  };
  const one = transcript([
    { who: 'I', text: 'Hoe gaat het met de huisarts?' },
    { who: 'Anna', text: TURN_ANNA },
  ], ids);
  const two = transcript([{ who: 'Carla', text: TURN_CARLA }], ids);
  const notes = 'Losse notitie.\n\nDe huisarts belt terug.';
  const s1 = addSource(db, { name: 'Interview Twente', originalFormat: 'txt', ...one });
  const s2 = addSource(db, { name: 'Interview Achterhoek', originalFormat: 'txt', ...two });
  const s3 = addSource(db, { name: 'Notities', originalFormat: 'txt', text: notes });
  const code = createCode(db, { parentId: null, name: 'Huisartsenzorg', color: '#0072B2' });
  db.close();

  const session = tmp.track(new Session());
  session.open(path);
  const changes: EntityTag[][] = [];
  session.subscribe((event, payload) => {
    if (event === 'project.changed') changes.push((payload as { tags: EntityTag[] }).tags);
  });
  const dispatch = createDispatcher({ session });
  const ok = async <T,>(channel: string, input: unknown): Promise<T> => {
    const r = (await dispatch(channel as never, input as never)) as Result<T>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  const sqlite = session.requireProject().sqlite;
  const codings = () =>
    sqlite.prepare('SELECT source_id AS sourceId, start, "end" FROM codings WHERE code_id = ? ORDER BY source_id, start').all(code) as
      { sourceId: number; start: number; end: number }[];
  const texts = new Map([[s1, one.text], [s2, two.text], [s3, notes]]);
  const codedText = () => codings().map((c) => texts.get(c.sourceId)!.slice(c.start, c.end));
  // Entries since setup (creating the code is one).
  const base = sqlite.prepare('SELECT COUNT(*) FROM history').pluck().get() as number;
  const historyCount = () => (sqlite.prepare('SELECT COUNT(*) FROM history').pluck().get() as number) - base;
  return { session, dispatch, ok, code, s1, s2, s3, texts, codings, codedText, historyCount, changes, sqlite };
}

describe('search.autocode', () => {
  it('previews, then codes every hit once (matched words), skipping interviewer turns when asked', async () => {
    const t = await setup();
    const scope = { query: 'huisartsen', interviewer: false, codeId: t.code };
    const preview = await t.ok<AutocodePreview>('search.autocodePreview', scope);
    // Anna: huisartsen, huisarts; Carla: huisarts; notes: huisarts. Interviewer left out.
    const { passages, ...counts } = preview;
    expect(counts).toEqual({ codeName: 'Huisartsenzorg', hits: 4, newCodings: 4, sources: 3, alreadyCoded: 0, truncated: false });
    // Issue 11 §4: the preview lists the passages it will code.
    expect(passages.map((p) => [p.sourceName, p.text, p.cut])).toEqual([
      ['Interview Twente', 'huisartsen', false], ['Interview Twente', 'huisarts', false],
      ['Interview Achterhoek', 'huisarts', false], ['Notities', 'huisarts', false],
    ]);
    expect(t.codings()).toEqual([]); // a preview writes nothing
    expect(t.historyCount()).toBe(0);

    const result = await t.ok<AutocodeResult>('search.autocode', scope);
    expect(result.newCodings).toBe(4);
    expect(result.codingIds).toHaveLength(4);
    expect(t.codedText()).toEqual(['huisartsen', 'huisarts', 'huisarts', 'huisarts']);
    // What was listed is exactly what was written.
    expect(t.codings()).toEqual(passages.map(({ sourceId, start, end }) => ({ sourceId, start, end })));
    expect(t.historyCount()).toBe(1);
    const entry = t.sqlite.prepare('SELECT label, params FROM history ORDER BY id DESC LIMIT 1').get() as { label: string; params: string };
    expect(entry.label).toBe('search.history.autocoded');
    expect(JSON.parse(entry.params)).toEqual({ count: 4, code: 'Huisartsenzorg', query: 'huisartsen' });
    expect(t.changes).toContainEqual(['codings']);

    // Twice: everything is already coded, nothing new, no new history entry.
    const again = await t.ok<AutocodePreview>('search.autocodePreview', scope);
    expect(again).toMatchObject({ hits: 4, newCodings: 0, sources: 0, alreadyCoded: 4 });
    const second = await t.ok<AutocodeResult>('search.autocode', scope);
    expect(second.codingIds).toEqual([]);
    expect(t.codings()).toHaveLength(4);
    expect(t.historyCount()).toBe(1);
  });

  it('interviewer turns are coded only when included', async () => {
    const t = await setup();
    const preview = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', codeId: t.code });
    expect(preview.hits).toBe(5);
    const search = await t.ok<SearchResult>('search.text', { query: 'huisarts', interviewer: false });
    expect(search.hits.some((h) => h.isInterviewer)).toBe(false);
    expect(search.hits).toHaveLength(4);
  });

  it('codes only the chosen hits, and checks them against the query on the current text', async () => {
    const t = await setup();
    const { hits } = await t.ok<SearchResult>('search.text', { query: 'huisarts', interviewer: false });
    const chosen = [hits[1]!, hits[2]!].map(({ sourceId, start, end }) => ({ sourceId, start, end }));
    const preview = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', interviewer: false, codeId: t.code, hits: chosen });
    expect(preview).toMatchObject({ hits: 2, newCodings: 2, sources: 2 });
    await t.ok('search.autocode', { query: 'huisarts', interviewer: false, codeId: t.code, hits: chosen });
    expect(t.codings()).toEqual(chosen);

    // A hit the query does not have (shifted by one, or another word): refused, nothing written.
    const before = t.historyCount();
    for (const bad of [
      { ...chosen[0]!, start: chosen[0]!.start + 1 },
      { sourceId: t.s1, start: 0, end: 3 },
      { sourceId: 9999, start: 0, end: 3 },
    ]) {
      const r = await t.dispatch('search.autocode', { query: 'huisarts', interviewer: false, codeId: t.code, hits: [chosen[1]!, bad] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('search.stale_hit');
        expect(r.error.message).toContain('Er is niets gecodeerd');
      }
    }
    expect(t.codings()).toEqual(chosen);
    expect(t.historyCount()).toBe(before);
  });

  it('extent turn codes each speaker turn once; sentence codes the sentence; a source without turns uses the paragraph', async () => {
    const t = await setup();
    await t.ok('search.autocode', { query: 'huisarts', interviewer: false, codeId: t.code, extent: 'turn' });
    // Anna's turn has two hits but becomes one coding; the notes' paragraph stands in for a turn.
    expect(t.codedText()).toEqual([TURN_ANNA, TURN_CARLA, 'De huisarts belt terug.']);

    const t2 = await setup();
    const preview = await t2.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', interviewer: false, codeId: t2.code, extent: 'sentence' });
    expect(preview).toMatchObject({ hits: 4, newCodings: 4, sources: 3 });
    await t2.ok('search.autocode', { query: 'huisarts', interviewer: false, codeId: t2.code, extent: 'sentence' });
    expect(t2.codedText()).toEqual([
      'De huisartsen in de wijk zijn betrokken.',
      'Met de huisarts bel ik vaak!',
      'Ik ga naar mijn huisarts.',
      'De huisarts belt terug.',
    ]);
    // A wider coding with the code covers the matched words: matching-words autocode skips them.
    const skip = await t2.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', interviewer: false, codeId: t2.code });
    expect(skip).toMatchObject({ hits: 4, newCodings: 0, alreadyCoded: 4 });
  });

  it('a sentence ends after closing quotes, not inside a decimal number; a line break ends one too', async () => {
    const t = await setup();
    const db = t.session.requireProject();
    const text = 'Hij zei: "Bel de huisarts." Toen kwam na 3.5 uur de huisarts pas. Klaar\nDe huisarts regelt het';
    const id = addSource(db, { name: 'Zinnen', originalFormat: 'txt', text });
    t.texts.set(id, text);
    await t.ok('search.autocode', { query: 'huisarts', sourceIds: [id], codeId: t.code, extent: 'sentence' });
    expect(t.codedText()).toEqual(['Hij zei: "Bel de huisarts."', 'Toen kwam na 3.5 uur de huisarts pas.', 'De huisarts regelt het']);
  });

  it('filters apply: perspective and transcript', async () => {
    const t = await setup();
    const inwoner = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', perspective: 'inwoner', codeId: t.code });
    expect(inwoner).toMatchObject({ hits: 1, newCodings: 1, sources: 1 });
    const one = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', interviewer: false, sourceIds: [t.s1], codeId: t.code });
    expect(one).toMatchObject({ hits: 2, newCodings: 2, sources: 1 });
  });

  it('one undo removes every coding of the autocode; redo brings them all back', async () => {
    const t = await setup();
    // An earlier, separate coding stays through the undo.
    await t.ok('codings.apply', { sourceId: t.s2, codeId: t.code, ranges: [{ start: 0, end: 2 }] });
    await t.ok('search.autocode', { query: 'huisarts', interviewer: false, codeId: t.code, extent: 'sentence' });
    const after = t.codings();
    expect(after).toHaveLength(5);
    const step = await t.ok<{ label: string; params: Record<string, unknown> }>('history.undo', {});
    expect(step.label).toBe('search.history.autocoded');
    expect(t.codings()).toEqual([{ sourceId: t.s2, start: 0, end: 2 }]);
    await t.ok('history.redo', {});
    expect(t.codings()).toEqual(after);
  });

  it('a code that does not exist: a clear error and nothing written', async () => {
    const t = await setup();
    const r = await t.dispatch('search.autocode', { query: 'huisarts', codeId: 424242 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('entity.not_found');
      expect(r.error.message).toContain('424242');
    }
    const p = await t.dispatch('search.autocodePreview', { query: 'huisarts', codeId: 424242 });
    expect(p.ok).toBe(false);
    const bad = await t.dispatch('search.autocode', { query: 'huisarts', codeId: t.code, extent: 'paragraph' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
    expect(t.sqlite.prepare('SELECT COUNT(*) FROM codings').pluck().get()).toBe(0);
    expect(t.historyCount()).toBe(0);
    expect(t.changes).toEqual([]);
  });

  it('an empty or syntax-only query codes nothing', async () => {
    const t = await setup();
    const p = await t.ok<AutocodePreview>('search.autocodePreview', { query: '-huisarts', codeId: t.code });
    expect(p).toMatchObject({ hits: 0, newCodings: 0 });
    const r = await t.ok<AutocodeResult>('search.autocode', { query: '" * "', codeId: t.code });
    expect(r.codingIds).toEqual([]);
    expect(t.historyCount()).toBe(0);
  });
});

describe('issue 11 §4: the preview lists passages; hits carry a sentence of context either side', () => {
  it('lists the sentences an autocode by sentence will code, cut at a word when long, at most AUTOCODE_PREVIEW_PASSAGES', async () => {
    const t = await setup();
    const preview = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', interviewer: false, codeId: t.code, extent: 'sentence' });
    expect(preview.passages.map((p) => p.text)).toEqual([
      'De huisartsen in de wijk zijn betrokken.', 'Met de huisarts bel ik vaak!', 'Ik ga naar mijn huisarts.', 'De huisarts belt terug.',
    ]);
    for (const p of preview.passages) expect(t.texts.get(p.sourceId)!.slice(p.start, p.end)).toBe(p.text);

    const db = t.session.requireProject();
    const long = `De huisarts ${'zegt heel veel woorden achter elkaar '.repeat(12)}en stopt.`;
    const id = addSource(db, { name: 'Lang', originalFormat: 'txt', text: long });
    const one = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', sourceIds: [id], codeId: t.code, extent: 'sentence' });
    const [p] = one.passages;
    expect(p!.cut).toBe(true);
    expect(p!.text.length).toBeLessThanOrEqual(AUTOCODE_PASSAGE_CHARS);
    expect(long.startsWith(p!.text)).toBe(true);
    expect(long[p!.text.length]).toBe(' '); // cut between words
    expect(p!.end).toBe(long.length); // the coding itself is the whole sentence

    // Many hits: the list stops at the cap, the counts do not.
    const many = Array.from({ length: AUTOCODE_PREVIEW_PASSAGES + 30 }, (_, i) => `Zin ${i} over de huisarts.`).join(' ');
    const big = addSource(db, { name: 'Veel', originalFormat: 'txt', text: many });
    const capped = await t.ok<AutocodePreview>('search.autocodePreview', { query: 'huisarts', sourceIds: [big], codeId: t.code });
    expect(capped.newCodings).toBe(AUTOCODE_PREVIEW_PASSAGES + 30);
    expect(capped.passages).toHaveLength(AUTOCODE_PREVIEW_PASSAGES);
  });

  it('search.text with sentences: 1 gives the sentence before and after, within the turn, never cut mid-word', async () => {
    const t = await setup();
    const db = t.session.requireProject();
    const text = 'Eerst iets anders. Dan een zin ervoor. Wij bellen de huisarts vaak. Daarna een zin erna. Deze valt erbuiten.\n\nNieuwe alinea.';
    const id = addSource(db, { name: 'Context', originalFormat: 'txt', text });
    const [hit] = (await t.ok<SearchResult>('search.text', { query: 'huisarts', sourceIds: [id], sentences: 1, context: 300 })).hits;
    expect(hit!.before).toBe('Dan een zin ervoor. Wij bellen de ');
    expect(hit!.after).toBe(' vaak. Daarna een zin erna.');
    expect(hit!.cut).toEqual({ before: false, after: false });
    expect(text.slice(hit!.start - hit!.before.length, hit!.end + hit!.after.length)).toBe(`${hit!.before}${hit!.match}${hit!.after}`);

    // In the turn's first sentence nothing comes before; a paragraph break ends the context.
    const [first] = (await t.ok<SearchResult>('search.text', { query: 'huisarts', sourceIds: [t.s2], sentences: 1, context: 300 })).hits;
    expect(first!.before).toBe('Ik ga naar mijn ');
    expect(first!.after).toBe('. Die luistert.');

    // A very long sentence is capped by `context`, cut at a space on both sides.
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda '.repeat(6);
    const longText = `${words}huisarts ${words}einde.`;
    const lid = addSource(db, { name: 'Lang', originalFormat: 'txt', text: longText });
    const [capped] = (await t.ok<SearchResult>('search.text', { query: 'huisarts', sourceIds: [lid], sentences: 1, context: 80 })).hits;
    expect(capped!.before.length).toBeLessThanOrEqual(80);
    expect(capped!.after.length).toBeLessThanOrEqual(80);
    expect(capped!.cut).toEqual({ before: true, after: true });
    const from = capped!.start - capped!.before.length;
    expect(longText[from - 1]).toMatch(/\s/);
    expect(longText[capped!.end + capped!.after.length]).toMatch(/\s/);
  });
});
