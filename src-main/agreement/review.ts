// The disagreement review queue of one code in one transcript, and recording
// a decision. A decision writes the chosen version as the target coder's
// codings of that code in that stretch (the coder "consensus", or the
// reviewer), with the note as a memo on each resulting coding — one undoable
// action whose change-log entry also marks the stretch as reviewed (docs/adr).
import type { ProjectDb } from '../db/open.ts';
import { DomainError } from '../../src-shared/errors.ts';
import { recordAction } from '../history/record.ts';
import { ensureUser } from '../services/users.ts';
import { codingInserter } from '../services/codings.ts';
import { createMemo } from '../memos/service.ts';
import { lexicalBody } from '../example/example-memos.ts';
import { isValidRange } from '../../src-shared/domain/text.ts';
import { mergeIntervals, type Interval } from '../../src-shared/domain/agreement/intervals.ts';
import { findDisagreements } from '../../src-shared/domain/agreement/disagreements.ts';
import { computeAgreement, type AgreementData } from '../../src-shared/domain/agreement/compute.ts';
import { createI18n } from '../../src-shared/i18n/index.ts';
import { CONSENSUS_CODER, type DecisionInput, type ReviewQueue, type ReviewTarget } from '../../src-shared/contracts/agreement.ts';
import { coderIds, interviewerTurns } from './data.ts';

export const DECIDED_LABEL = 'agreement.history.decided';

interface Context {
  text: string;
  sourceName: string;
  sourceGuid: string;
  codeName: string;
  codeGuid: string;
  leftOut: Interval[];
}

function context(db: ProjectDb, sourceId: number, codeId: number, skipInterviewer: boolean): Context {
  const source = db.sqlite.prepare('SELECT name, guid, text FROM sources WHERE id = ?').get(sourceId) as { name: string; guid: string; text: string } | undefined;
  if (!source) throw new DomainError('entity.not_found', { entity: 'source', id: sourceId });
  const code = db.sqlite.prepare('SELECT name, guid FROM codes WHERE id = ?').get(codeId) as { name: string; guid: string } | undefined;
  if (!code) throw new DomainError('entity.not_found', { entity: 'code', id: codeId });
  return {
    text: source.text, sourceName: source.name, sourceGuid: source.guid, codeName: code.name, codeGuid: code.guid,
    leftOut: skipInterviewer ? interviewerTurns(db, sourceId) : [],
  };
}

function codingsOf(db: ProjectDb, sourceId: number, codeId: number, coderId: number): (Interval & { id: number })[] {
  return db.sqlite
    .prepare('SELECT id, start, "end" FROM codings WHERE source_id = ? AND code_id = ? AND coder_id = ? ORDER BY start, "end"')
    .all(sourceId, codeId, coderId) as (Interval & { id: number })[];
}

function hasCodedSource(db: ProjectDb, sourceId: number, coderId: number): boolean {
  return db.sqlite.prepare('SELECT 1 FROM codings WHERE source_id = ? AND coder_id = ? LIMIT 1').get(sourceId, coderId) !== undefined;
}

const clip = (ranges: readonly Interval[], span: Interval) =>
  mergeIntervals(ranges.map((r) => ({ start: Math.max(r.start, span.start), end: Math.min(r.end, span.end) })));

export function targetName(target: ReviewTarget, reviewer: string): string {
  return target === 'consensus' ? CONSENSUS_CODER : reviewer;
}

/** Stretches with a decision in the change log that was not undone. */
function decidedSpans(db: ProjectDb, ctx: Context, target: string): Set<string> {
  const rows = db.sqlite.prepare('SELECT params FROM history WHERE label = ? AND undone = 0').pluck().all(DECIDED_LABEL) as string[];
  const out = new Set<string>();
  for (const raw of rows) {
    const p = JSON.parse(raw) as Record<string, string | number>;
    if (p.sourceGuid === ctx.sourceGuid && p.codeGuid === ctx.codeGuid && p.target === target) out.add(`${p.start}:${p.end}`);
  }
  return out;
}

function figures(ctx: Context, names: string[], byCoder: Interval[][], target: { name: string; codings: Interval[]; present: boolean } | null) {
  const data = (coders: string[], lists: Interval[][]): AgreementData => ({
    coders,
    codes: [{ id: 1, path: ctx.codeName, branch: ctx.codeName }],
    sources: [{ id: 1, name: ctx.sourceName, length: ctx.text.length, leftOut: ctx.leftOut, present: (1 << coders.length) - 1 }],
    codings: lists.flatMap((list, coder) => list.map((r) => ({ source: 0, code: 0, coder, start: r.start, end: r.end }))),
    threshold: 0.9,
  });
  const row = computeAgreement(data(names, byCoder)).rows.find((r) => r.source === 0);
  if (!row) return null;
  const withTarget = target && !names.includes(target.name)
    ? names.map((coder, i) => ({
        coder,
        cohenKappa: target.present ? computeAgreement(data([coder, target.name], [byCoder[i]!, target.codings])).rows.find((r) => r.source === 0)?.cohenKappa ?? null : null,
      }))
    : [];
  return { percentAgreement: row.percentAgreement, cohenKappa: row.cohenKappa, krippendorffAlpha: row.krippendorffAlpha, withTarget };
}

export function reviewQueue(db: ProjectDb, q: { coders: string[]; codeId: number; sourceId: number; skipInterviewer: boolean; target: ReviewTarget }, reviewer: string): ReviewQueue {
  const ids = coderIds(db, q.coders);
  const ctx = context(db, q.sourceId, q.codeId, q.skipInterviewer);
  const present = q.coders.filter((_, i) => hasCodedSource(db, q.sourceId, ids[i]!));
  const segments = present.map((name) => codingsOf(db, q.sourceId, q.codeId, ids[q.coders.indexOf(name)]!));
  const items = present.length >= 2 ? findDisagreements(present.map((coder, i) => ({ coder, segments: segments[i]! })), ctx.leftOut) : [];
  const target = targetName(q.target, reviewer);
  const targetId = db.sqlite.prepare('SELECT id FROM users WHERE name = ?').pluck().get(target) as number | undefined;
  const consensus = targetId === undefined ? [] : codingsOf(db, q.sourceId, q.codeId, targetId);
  const decided = decidedSpans(db, ctx, target);
  const out = items.map((d) => ({ ...d, consensus: clip(consensus, d), decided: decided.has(`${d.start}:${d.end}`) }));
  return {
    target,
    present,
    items: out,
    open: out.filter((d) => !d.decided).length,
    figures: present.length >= 2
      ? figures(ctx, present, segments.map((s) => mergeIntervals(s)), { name: target, codings: mergeIntervals(consensus), present: targetId !== undefined && hasCodedSource(db, q.sourceId, targetId) })
      : null,
  };
}

/** Records one decision; returns the ids of the target's codings that now make up the stretch. */
export function decide(db: ProjectDb, input: DecisionInput, reviewer: string): { codingIds: number[] } {
  const ids = coderIds(db, input.coders);
  const ctx = context(db, input.sourceId, input.codeId, input.skipInterviewer);
  const span = { start: input.start, end: input.end };
  if (!isValidRange(ctx.text, span.start, span.end)) throw new DomainError('coding.bad_range');
  const versions = input.coders.map((_, i) => clip(codingsOf(db, input.sourceId, input.codeId, ids[i]!), span));
  let result: Interval[];
  let choice: string;
  const { t } = createI18n(input.language);
  let summary: string;
  if (input.choice.kind === 'coder') {
    const i = input.coders.indexOf(input.choice.coder);
    if (i < 0) throw new DomainError('agreement.unknown_coder', { name: input.choice.coder });
    result = versions[i]!;
    choice = input.choice.coder;
    summary = t('agreement.review.memoCoder', { coder: input.choice.coder });
  } else if (input.choice.kind === 'all') {
    result = mergeIntervals(versions.flat());
    choice = '*';
    summary = t('agreement.review.memoAll');
  } else {
    for (const r of input.choice.ranges) {
      if (r.start < span.start || r.end > span.end || !isValidRange(ctx.text, r.start, r.end)) {
        throw new DomainError('agreement.bad_range', { start: span.start, end: span.end });
      }
    }
    result = mergeIntervals(input.choice.ranges);
    choice = 'custom';
    summary = t('agreement.review.memoCustom');
  }
  const target = targetName(input.target, reviewer);
  const reviewerId = ensureUser(db, reviewer);
  const note = input.note.trim();
  const body = lexicalBody(note ? [summary, t('agreement.review.memoNote', { note })] : [summary]);
  const params = {
    code: ctx.codeName, source: ctx.sourceName, start: span.start, end: span.end, target, choice,
    sourceGuid: ctx.sourceGuid, codeGuid: ctx.codeGuid,
  };
  return recordAction(db, { label: DECIDED_LABEL, params, authorId: reviewerId }, () => {
    const targetId = ensureUser(db, target);
    const kept: number[] = [];
    const keptRanges = new Set<string>();
    const update = db.sqlite.prepare('UPDATE codings SET start = ?, "end" = ? WHERE id = ?');
    const remove = db.sqlite.prepare('DELETE FROM codings WHERE id = ?');
    const insert = codingInserter(db);
    const copyOf = db.sqlite.prepare('SELECT memo, is_key_quote AS isKeyQuote FROM codings WHERE id = ?');
    for (const e of codingsOf(db, input.sourceId, input.codeId, targetId)) {
      if (e.end <= span.start || e.start >= span.end) continue;
      const inside = e.start >= span.start && e.end <= span.end;
      if (inside && result.some((r) => r.start === e.start && r.end === e.end) && !keptRanges.has(`${e.start}:${e.end}`)) {
        kept.push(e.id);
        keptRanges.add(`${e.start}:${e.end}`);
      } else if (inside) {
        remove.run(e.id);
      } else {
        // Partly outside the stretch: the outside part stays the target's coding.
        const left = e.start < span.start ? { start: e.start, end: span.start } : null;
        const right = e.end > span.end ? { start: span.end, end: e.end } : null;
        const first = (left ?? right)!;
        update.run(first.start, first.end, e.id);
        if (left && right) {
          const c = copyOf.get(e.id) as { memo: string | null; isKeyQuote: number };
          insert({ sourceId: input.sourceId, codeId: input.codeId, start: right.start, end: right.end, coderId: targetId, memo: c.memo, isKeyQuote: c.isKeyQuote === 1 });
        }
      }
    }
    const added = result
      .filter((r) => !keptRanges.has(`${r.start}:${r.end}`))
      .map((r) => insert({ sourceId: input.sourceId, codeId: input.codeId, start: r.start, end: r.end, coderId: targetId }));
    const codingIds = [...kept, ...added];
    const title = t('agreement.history.decided', { code: ctx.codeName, source: ctx.sourceName });
    if (codingIds.length === 0) createMemo(db, { target: { kind: 'source', id: input.sourceId }, title, body }, reviewerId);
    for (const id of codingIds) createMemo(db, { target: { kind: 'coding', id }, title, body }, reviewerId);
    return { codingIds };
  });
}
