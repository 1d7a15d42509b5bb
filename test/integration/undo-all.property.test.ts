// Property (issue 10 §5): any sequence of user actions of every kind, then
// undo all the way, gives back the project exactly as it started — every
// table of the drizzle schema (the undo bookkeeping excluded, see
// CONTENT_TABLES) and the search index — and redo all gives back the end.
// Undo never throws and never stops before the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleProject } from '../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../src-main/db/open.ts';
import { listHistory, redo, undo } from '../../src-main/history/record.ts';
import { applyCoding, applyInVivo, removeCodings, setKeyQuotes, updateCoding } from '../../src-main/services/coding-edit.ts';
import { createCode, deleteCode, mergeCodes, moveCode, splitCodings, updateCode } from '../../src-main/services/codebook-edit.ts';
import { createMemo, deleteMemo, updateMemo } from '../../src-main/memos/service.ts';
import { lexicalBody } from '../../src-main/example/example-memos.ts';
import { editTurnText } from '../../src-main/text-edit/edit-turn.ts';
import { dismissLostCoding, replaceLostCoding } from '../../src-main/text-edit/lost-codings.ts';
import { commitParsed } from '../../src-main/import/commit.ts';
import type { ParsedFile } from '../../src-main/import/parse-file.ts';
import { indexChunks } from '../../src-main/search/index-source.ts';
import { stemsOf } from '../../src-main/search/tokens.ts';
import { autocodeApply } from '../../src-main/search/autocode.ts';
import { addComparisonTag, removeComparisonTag } from '../../src-main/analysis/comparison.ts';
import { ensureUser } from '../../src-main/services/users.ts';
import { updateParticipant } from '../../src-main/participants/edit.ts';
import { mergeParticipants } from '../../src-main/participants/merge.ts';
import { deleteParticipant } from '../../src-main/participants/remove.ts';
import { reassignSpeaker } from '../../src-main/participants/speakers.ts';
import { addChoice, createAttribute, deleteAttribute, removeChoice, renameChoice, updateAttribute } from '../../src-main/participants/attributes.ts';
import { deleteSource, renameSource } from '../../src-main/sources/manage.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { CONTENT_TABLES, dumpTables, searchProbe } from '../helpers/project-tables.ts';
import { useTmp } from '../helpers/tmp.ts';

const tmp = useTmp('duiding-undo-all-');

const KINDS = [
  'apply', 'remove', 'resize', 'keyQuote', 'keyQuotes', 'codingMemo', 'inVivo', 'autocode',
  'codeCreate', 'codeEdit', 'codeMove', 'codeMerge', 'codeSplit', 'codeDelete',
  'memoCreate', 'memoEdit', 'memoDelete', 'textEdit', 'lostReplace', 'lostDismiss', 'import', 'tag', 'untag',
  'participantEdit', 'participantMerge', 'participantDelete', 'reassign', 'attributeCreate', 'attributeEdit', 'choiceAdd',
  'choiceRename', 'choiceRemove', 'attributeDelete', 'sourceRename', 'sourceDelete',
] as const;
type Kind = (typeof KINDS)[number];
interface Action {
  kind: Kind;
  a: number;
  b: number;
  c: number;
}
const actionArb: fc.Arbitrary<Action> = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(), b: fc.nat(), c: fc.nat() });

/** Everything that makes up the project (undo bookkeeping excluded) plus the search index, as comparable data. */
function state(db: ProjectDb) {
  return {
    tables: dumpTables(db.sqlite, CONTENT_TABLES),
    // Re-indexing writes new index rows for the same chunks: compare the chunks and what they find, not rowids.
    index: db.sqlite.prepare('SELECT source_id, chunk_start, chunk_end FROM search_index ORDER BY source_id, chunk_start, chunk_end').all(),
    hits: searchProbe(db.sqlite, ['zorg', 'huisarts', 'gemeente', 'respondent', 'wijkteam', 'kwartier']),
  };
}

const ids = (db: ProjectDb, sql: string) => db.sqlite.prepare(sql).pluck().all() as number[];
const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

let imported = 0;
/** A small parsed transcript, as the import worker hands it to commitParsed. */
function parsedFile(seed: number): ParsedFile {
  const turns: [string, string][] = [
    ['Interviewer', `Vraag ${seed}: hoe gaat het met de zorg in de wijk?`],
    ['Respondent', `Het wijkteam komt elk kwartier ${seed} even langs, en de huisarts belt terug.`],
  ];
  let text = '';
  const out: ParsedFile['turns'] = [];
  for (const [label, body] of turns) {
    if (text) text += '\n\n';
    out.push({ start: text.length, end: text.length + body.length, label, timestampMs: null, kind: 'speech' });
    text += body;
  }
  const fileName = `import-${++imported}.txt`;
  return {
    path: `/tmp/${fileName}`, fileName, format: 'txt', size: text.length, fileHash: 'x',
    textHash: createHash('sha256').update(text).digest('hex'),
    encoding: { name: 'utf-8', confidence: 'certain', bom: false },
    text, turns: out, convention: 'colon-label', lineBreaks: null, warnings: [],
    speakers: ['Interviewer', 'Respondent'].map((label) => ({ label, turns: 1, characters: 0, sample: '' })),
    chunks: indexChunks(text, out).map((c) => ({ ...c, stems: stemsOf(text.slice(c.start, c.end)) })),
  };
}

/** A valid range inside a turn of a source, or null. */
function rangeIn(db: ProjectDb, a: number, b: number): { sourceId: number; start: number; end: number } | null {
  const turns = db.sqlite.prepare('SELECT source_id AS sourceId, start, "end" FROM turns WHERE "end" > start ORDER BY id').all() as { sourceId: number; start: number; end: number }[];
  const turn = pick(turns, a);
  if (!turn) return null;
  const text = db.sqlite.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(turn.sourceId) as string;
  const start = turn.start + (b % (turn.end - turn.start));
  const end = Math.min(turn.end, start + 1 + (b % 37));
  return end > start && isValidRange(text, start, end) ? { sourceId: turn.sourceId, start, end } : null;
}

/** Runs one action; false when it does not apply right now or is refused (a refusal must change nothing). */
function act(db: ProjectDb, coder: number, { kind, a, b, c }: Action): boolean {
  const codes = ids(db, 'SELECT id FROM codes ORDER BY id');
  const codings = ids(db, 'SELECT id FROM codings ORDER BY id');
  const memos = ids(db, 'SELECT id FROM memos ORDER BY id');
  switch (kind) {
    case 'apply': {
      const r = rangeIn(db, a, b);
      const code = pick(codes, c);
      if (!r || !code) return false;
      applyCoding(db, { sourceId: r.sourceId, codeId: code, ranges: [{ start: r.start, end: r.end }], coderId: coder });
      return true;
    }
    case 'remove': {
      const chosen = [...new Set([pick(codings, a), pick(codings, b)].filter((x): x is number => x !== undefined))];
      if (chosen.length === 0) return false;
      removeCodings(db, chosen, coder);
      return true;
    }
    case 'resize': {
      const id = pick(codings, a);
      if (id === undefined) return false;
      const row = db.sqlite.prepare('SELECT start, "end" FROM codings WHERE id = ?').get(id) as { start: number; end: number };
      updateCoding(db, id, { end: Math.max(row.start + 1, row.end - 1 - (b % 3)) }, coder);
      return true;
    }
    case 'keyQuote': {
      const id = pick(codings, a);
      if (id === undefined) return false;
      updateCoding(db, id, { isKeyQuote: b % 2 === 0 }, coder);
      return true;
    }
    case 'keyQuotes': {
      const chosen = [...new Set([pick(codings, a), pick(codings, b), pick(codings, c)].filter((x): x is number => x !== undefined))];
      if (chosen.length === 0) return false;
      setKeyQuotes(db, chosen, c % 2 === 0, coder);
      return true;
    }
    case 'codingMemo': {
      const id = pick(codings, a);
      if (id === undefined) return false;
      updateCoding(db, id, { memo: b % 3 === 0 ? null : `notitie ${b}` }, coder);
      return true;
    }
    case 'inVivo': {
      const r = rangeIn(db, a, b);
      if (!r) return false;
      applyInVivo(db, { ...r, coderId: coder });
      return true;
    }
    case 'autocode': {
      const code = pick(codes, a);
      if (!code) return false;
      autocodeApply(db, { query: pick(['zorg', 'huisarts', 'gemeente', 'wijkteam'], b)!, codeId: code, extent: pick(['match', 'sentence', 'turn'] as const, c)! }, coder);
      return true;
    }
    case 'codeCreate':
      createCode(db, { parentId: b % 3 === 0 ? null : pick(codes, a) ?? null, name: `Code ${a % 1000}`, color: '#123456' }, coder);
      return true;
    case 'codeEdit': {
      const code = pick(codes, a);
      if (!code) return false;
      updateCode(db, code, b % 2 === 0 ? { name: `Hernoemd ${b % 1000}` } : { definition: `Definitie ${b}`, color: '#abcdef' }, coder);
      return true;
    }
    case 'codeMove': {
      const code = pick(codes, a);
      if (!code) return false;
      const parent = b % 3 === 0 ? null : pick(codes, b) ?? null;
      moveCode(db, code, parent === code ? null : parent, c % 5, coder);
      return true;
    }
    case 'codeMerge': {
      const from = pick(codes, a);
      const into = pick(codes, b);
      if (!from || !into || from === into) return false;
      mergeCodes(db, from, into, coder);
      return true;
    }
    case 'codeSplit': {
      const id = pick(codings, a);
      if (id === undefined) return false;
      const codeId = db.sqlite.prepare('SELECT code_id FROM codings WHERE id = ?').pluck().get(id) as number;
      const same = ids(db, `SELECT id FROM codings WHERE code_id = ${codeId} ORDER BY id`).filter((_, i) => i % 2 === b % 2);
      if (same.length === 0) return false;
      splitCodings(db, { codingIds: same, newCodeName: `Afgesplitst ${c % 1000}`, parentId: null }, coder);
      return true;
    }
    case 'codeDelete': {
      const code = pick(codes, a);
      if (!code) return false;
      deleteCode(db, code, coder);
      return true;
    }
    case 'memoCreate': {
      const kinds = ['project', 'source', 'participant', 'code', 'coding'] as const;
      const k = pick(kinds, a)!;
      const table = { source: 'sources', participant: 'participants', code: 'codes', coding: 'codings' } as const;
      const target = k === 'project' ? null : pick(ids(db, `SELECT id FROM ${table[k]} ORDER BY id`), b);
      if (k !== 'project' && target === undefined) return false;
      createMemo(db, { target: { kind: k, id: target ?? null } as never, title: `Memo ${c % 100}`, body: lexicalBody([`Tekst ${c}`]) }, coder);
      return true;
    }
    case 'memoEdit': {
      const id = pick(memos, a);
      if (id === undefined) return false;
      updateMemo(db, id, b % 2 === 0 ? { body: lexicalBody([`Bewerkt ${b}`]) } : { title: `Titel ${b % 100}` }, coder);
      return true;
    }
    case 'memoDelete': {
      const id = pick(memos, a);
      if (id === undefined) return false;
      deleteMemo(db, id, coder);
      return true;
    }
    case 'textEdit': {
      const turns = db.sqlite.prepare('SELECT t.id, t.source_id AS sourceId, substr(s.text, t.start + 1, t."end" - t.start) AS text FROM turns t JOIN sources s ON s.id = t.source_id WHERE t."end" > t.start ORDER BY t.id').all() as { id: number; sourceId: number; text: string }[];
      const turn = pick(turns, a);
      if (!turn) return false;
      const words = turn.text.split(' ');
      const at = b % words.length;
      const edited = c % 3 === 0 && words.length > 1 ? words.filter((_, i) => i !== at) : c % 3 === 1 ? words.map((w, i) => (i === at ? `verbeterd${c % 10}` : w)) : [...words.slice(0, at), `extra${c % 10}`, ...words.slice(at)];
      editTurnText(db, { sourceId: turn.sourceId, turnId: turn.id, expectedText: turn.text, text: edited.join(' ') }, coder);
      return true;
    }
    case 'lostReplace':
    case 'lostDismiss': {
      const lost = pick(ids(db, 'SELECT id FROM lost_codings ORDER BY id'), a);
      if (lost === undefined) return false;
      if (kind === 'lostDismiss') {
        dismissLostCoding(db, lost, coder);
        return true;
      }
      const sourceId = db.sqlite.prepare('SELECT source_id FROM lost_codings WHERE id = ?').pluck().get(lost) as number;
      const r = rangeIn(db, b, c);
      if (!r || r.sourceId !== sourceId) return false;
      replaceLostCoding(db, lost, { start: r.start, end: r.end }, coder);
      return true;
    }
    case 'import': {
      const file = parsedFile(a % 1000);
      commitParsed(db, file, {
        allowDuplicate: true,
        speakers: [
          { label: 'Interviewer', target: { kind: 'interviewer' } },
          { label: 'Respondent', target: b % 2 === 0 ? { kind: 'new', name: `Deelnemer ${b % 50}`, perspective: 'inwoner', region: 'Twente' } : { kind: 'interviewer' } },
        ],
      });
      return true;
    }
    case 'tag': {
      const id = pick(codings, a);
      if (id === undefined) return false;
      const codeId = db.sqlite.prepare('SELECT code_id FROM codings WHERE id = ?').pluck().get(id) as number;
      const other = pick(ids(db, `SELECT id FROM codings WHERE code_id = ${codeId} AND id <> ${id} ORDER BY id`), b);
      addComparisonTag(db, { codeId, codingId: id, ...(other !== undefined && c % 2 === 0 ? { otherCodingId: other } : {}), tag: c % 3 === 0 ? 'agrees' : 'contradicts', note: `n${c % 10}` }, coder);
      return true;
    }
    case 'participantEdit': {
      const id = pick(ids(db, 'SELECT id FROM participants ORDER BY id'), a);
      if (id === undefined) return false;
      const region = db.sqlite.prepare("SELECT id FROM attributes WHERE key = 'region'").pluck().get() as number | undefined;
      updateParticipant(db, id, b % 2 === 0
        ? { name: `Persoon ${b % 100}`, perspective: pick(['inwoner', 'bestuurder', null] as const, c)! }
        : { role: `Rol ${c % 10}`, ...(region ? { values: { [region]: c % 3 === 0 ? null : 'Twente' } } : {}) }, coder);
      return true;
    }
    case 'participantMerge': {
      const people = ids(db, 'SELECT id FROM participants ORDER BY id');
      const from = pick(people, a);
      const into = pick(people, b);
      if (from === undefined || into === undefined || from === into) return false;
      mergeParticipants(db, from, into, coder);
      return true;
    }
    case 'participantDelete': {
      const id = pick(ids(db, 'SELECT id FROM participants ORDER BY id'), a);
      if (id === undefined) return false;
      deleteParticipant(db, id, coder);
      return true;
    }
    case 'reassign': {
      const turn = pick(ids(db, 'SELECT id FROM turns ORDER BY id'), a);
      const person = pick(ids(db, 'SELECT id FROM participants ORDER BY id'), b);
      if (turn === undefined) return false;
      const target = c % 3 === 0 || person === undefined ? { kind: 'interviewer' as const } : c % 3 === 1 ? { kind: 'participant' as const, participantId: person } : { kind: 'new' as const, name: `Nieuw ${c % 20}`, perspective: 'zorgprofessional' as const };
      reassignSpeaker(db, { turnId: turn, scope: b % 2 === 0 ? 'turn' : 'label', target }, coder);
      return true;
    }
    case 'attributeCreate':
      createAttribute(db, b % 2 === 0 ? { name: `Kenmerk ${a % 100}`, type: 'choice', choices: ['ja', 'nee'] } : { name: `Kenmerk ${a % 100}`, type: 'text' }, coder);
      return true;
    case 'attributeEdit': {
      // The built-in learning region cannot be renamed or deleted (refused); pick one the user made.
      const id = pick(ids(db, 'SELECT id FROM attributes WHERE key IS NULL ORDER BY id'), a);
      if (id === undefined) return false;
      updateAttribute(db, id, { name: `Hernoemd kenmerk ${b % 100}` }, coder);
      return true;
    }
    case 'choiceAdd':
    case 'choiceRename':
    case 'choiceRemove': {
      const attrs = db.sqlite.prepare("SELECT id, choices FROM attributes WHERE type = 'choice' ORDER BY id").all() as { id: number; choices: string }[];
      const attr = pick(attrs, a);
      if (!attr) return false;
      const choice = pick(JSON.parse(attr.choices) as string[], b);
      if (kind === 'choiceAdd') addChoice(db, attr.id, `Keuze ${c % 100}`, coder);
      else if (choice === undefined) return false;
      else if (kind === 'choiceRename') renameChoice(db, attr.id, choice, `Anders ${c % 100}`, coder);
      else removeChoice(db, attr.id, choice, null, coder);
      return true;
    }
    case 'attributeDelete': {
      const id = pick(ids(db, 'SELECT id FROM attributes WHERE key IS NULL ORDER BY id'), a);
      if (id === undefined) return false;
      deleteAttribute(db, id, coder);
      return true;
    }
    case 'sourceRename': {
      const id = pick(ids(db, 'SELECT id FROM sources ORDER BY id'), a);
      if (id === undefined) return false;
      renameSource(db, id, `Transcript ${b % 100}`, coder);
      return true;
    }
    case 'sourceDelete': {
      const id = pick(ids(db, 'SELECT id FROM sources ORDER BY id'), a);
      if (id === undefined) return false;
      deleteSource(db, id, coder);
      return true;
    }
    case 'untag': {
      const tag = pick(ids(db, 'SELECT id FROM comparison_tags ORDER BY id'), a);
      if (tag === undefined) return false;
      removeComparisonTag(db, tag, coder);
      return true;
    }
  }
}

/** One action of every kind, deletions last, so each finds something to work on. */
const EVERY_KIND: Action[] = [...KINDS.filter((k) => !k.endsWith('Delete')), ...KINDS.filter((k) => k.endsWith('Delete'))]
  .map((kind, i) => ({ kind, a: i + 1, b: 2 * i + 1, c: 3 * i + 2 }));

describe('undo all after any sequence of actions', () => {
  it('gives back the project exactly as it started (every table, the search index), and redo all the end', () => {
    const template = join(tmp.dir(), 'template.duiding');
    const seed = createExampleProject(template);
    ensureUser(seed, 'Tester');
    seed.close();
    const seen = new Set<Kind>();
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 16 }), (actions) => {
        const path = join(tmp.dir(), 'p.duiding');
        copyFileSync(template, path);
        const db = openProjectDb(path);
        try {
          const coder = ensureUser(db, 'Tester');
          const start = state(db);
          for (const action of actions) {
            const before = state(db);
            let done = false;
            try {
              done = act(db, coder, action);
            } catch (err) {
              // A refusal is fine, but it must change nothing.
              if (!(err instanceof DomainError)) throw err;
              expect(state(db), `refused ${action.kind} changed the project`).toEqual(before);
            }
            if (done) seen.add(action.kind);
          }
          const end = state(db);
          const steps = listHistory(db, 5000).filter((e) => !e.undone).length;
          let undone = 0;
          while (undo(db)) undone++;
          expect(undone).toBe(steps);
          expect(state(db)).toEqual(start);
          while (redo(db));
          expect(state(db)).toEqual(end);
          expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
        } finally {
          db.close();
        }
      }),
      // Runs first: one of every kind in an order where each applies (a tag before its removal, …).
      { numRuns: 50, examples: [[EVERY_KIND]] },
    );
    // Every kind of action really ran somewhere in the runs (lost codings need a text edit first).
    expect([...seen].sort()).toEqual(expect.arrayContaining(KINDS.filter((k) => !k.startsWith('lost'))));
  }, 120_000);
});
