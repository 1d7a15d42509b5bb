// The example project a newcomer sees on first start: the JZOJP template with
// three short invented interviews and a few codings.
import { randomUUID } from 'node:crypto';
import { EXAMPLE_MEMOS, lexicalBody } from './example-memos.ts';
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import { createProject } from '../services/project.ts';
import { addSource, type NewTurn } from '../sources/sources.ts';
import { addParticipant, attributeIdByKey, setParticipantValue } from '../participants/participants.ts';
import { codingInserter } from '../services/codings.ts';
import { findCodeByPath } from '../services/codebook.ts';
import { ensureUser } from '../services/users.ts';
import { REGION_KEY } from '../templates/index.ts';
import { EXAMPLE_INTERVIEWS, type ExampleInterview } from './example-content.ts';

export const EXAMPLE_CODER = 'Onderzoeker';

function parseTimestamp(hms: string | undefined): number | null {
  if (!hms) return null;
  const [h = 0, m = 0, s = 0] = hms.split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000;
}

/** Turns joined by a blank line; labels are structure, not text (docs/adr/0003). */
export function layOutTurns(interview: ExampleInterview): { text: string; ranges: { start: number; end: number }[] } {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  interview.turns.forEach((turn, i) => {
    if (i > 0) text += '\n\n';
    ranges.push({ start: text.length, end: text.length + turn.text.length });
    text += turn.text;
  });
  return { text, ranges };
}

export function seedExample(db: ProjectDb): void {
  const coderId = ensureUser(db, EXAMPLE_CODER);
  const regionId = attributeIdByKey(db, REGION_KEY);
  const participantIds = new Map<string, number>();
  const code = codingInserter(db);
  for (const interview of EXAMPLE_INTERVIEWS) {
    for (const p of interview.participants) {
      if (participantIds.has(p.name)) continue;
      const id = addParticipant(db, { name: p.name, perspective: p.perspective, role: p.role });
      if (regionId !== null) setParticipantValue(db, id, regionId, p.region);
      participantIds.set(p.name, id);
    }
    const { text, ranges } = layOutTurns(interview);
    const byLabel = new Map(interview.participants.map((p) => [p.label, participantIds.get(p.name)!]));
    const turns: NewTurn[] = interview.turns.map((turn, i) => ({
      ...ranges[i]!,
      speakerLabel: turn.speaker,
      isInterviewer: turn.speaker === interview.interviewerLabel,
      participantId: byLabel.get(turn.speaker) ?? null,
      timestampMs: parseTimestamp(turn.timestamp),
    }));
    const sourceId = addSource(db, { name: interview.name, text, originalFormat: 'example', turns });
    for (const c of interview.codings) {
      const range = ranges[c.turn];
      const at = interview.turns[c.turn]?.text.indexOf(c.quote) ?? -1;
      const codeId = findCodeByPath(db, c.code);
      if (!range || at < 0 || codeId === null) {
        throw new DomainError('internal', { detail: `example coding ${interview.name}#${c.turn}` });
      }
      code({
        sourceId, codeId, coderId, start: range.start + at, end: range.start + at + c.quote.length,
        isKeyQuote: c.keyQuote ?? false, memo: c.memo ?? null,
      });
    }
  }
  seedMemos(db, coderId);
}

/** The example analyst's memos: the journal and three building blocks. */
function seedMemos(db: ProjectDb, authorId: number): void {
  const insert = db.sqlite.prepare(
    'INSERT INTO memos (guid, target_kind, target_guid, title, body, plain, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const memo of EXAMPLE_MEMOS) {
    const codeId = memo.code ? findCodeByPath(db, memo.code) : null;
    if (memo.code && codeId === null) throw new DomainError('internal', { detail: `example memo ${memo.title}` });
    const codeGuid = codeId === null ? null : db.sqlite.prepare('SELECT guid FROM codes WHERE id = ?').pluck().get(codeId);
    insert.run(randomUUID(), memo.code ? 'code' : 'project', codeGuid, memo.title, lexicalBody(memo.paragraphs), memo.paragraphs.join('\n\n'), authorId);
  }
}

export function createExampleProject(path: string, language: Language = 'nl'): ProjectDb {
  const name = createI18n(language).t('example.projectName');
  return createProject(path, { template: 'jzojp', name, seed: seedExample });
}
