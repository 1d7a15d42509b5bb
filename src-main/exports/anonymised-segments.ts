// What an anonymised segments export shows per segment (issue 9 §4): the
// transcript's neutral label instead of its file name, and the passage as the
// report would quote it (the analyst's shortened/substituted version when one
// is stored for exactly this coding; notes cut out). Also the name check that
// runs before such an export.
import type { ProjectDb } from '../db/open.ts';
import type { Segment, SegmentList } from '../../src-shared/contracts/codings.ts';
import type { NamePlace } from '../../src-shared/contracts/analysis.ts';
import { createI18n, type Language } from '../../src-shared/i18n/index.ts';
import { listSegments, type SegmentQuery } from '../services/segments.ts';
import { shownTextReader, transcriptNumbers, type Member } from '../analysis/shown-text.ts';
import { findNames, knownNames } from '../analysis/names.ts';
import { readReportSettings } from '../analysis/report-decisions.ts';
import type { KnownSource } from '../search/texts.ts';

export interface ShownSegment {
  source: string;
  text: string;
  /** The coding whose stored edit applies (or would: the name check's fix goes there). */
  guid: string | null;
  /** What an edit of that coding is checked against. */
  said: string;
}

/**
 * What an anonymised export shows per segment, one segment at a time.
 * `known`: transcript texts the caller has loaded already (listSegments hands
 * each one over while it builds that transcript's segments).
 */
export function anonymisedReader(db: ProjectDb, language: Language, known?: Map<number, KnownSource>): (s: Segment) => ShownSegment {
  const { t } = createI18n(language);
  // Every coding's place at once: one query, rather than one per segment of a whole-project export.
  const members = new Map((db.sqlite.prepare(`SELECT id, guid, start, "end" AS "end" FROM codings`).all() as (Member & { id: number })[]).map((m) => [m.id, m]));
  const numbers = transcriptNumbers(db);
  const shown = shownTextReader(db, { stale: t('analysis.export.staleText'), omitted: t('analysis.export.omittedText') }, known);
  // One label per transcript, not one translation per segment (20,000 in a whole-project export), and the
  // label's text translated once: 2,000 calls of t() took 60 ms of a whole-project export.
  const labels = new Map<number, string>();
  const MARK = '\u0000';
  const [before, after, rest] = t('analysis.export.transcript', { n: MARK }).split(MARK);
  const label = (sourceId: number) => {
    let text = labels.get(sourceId);
    if (text === undefined) {
      const n = numbers.get(sourceId) ?? 0;
      text = after === undefined || rest !== undefined ? t('analysis.export.transcript', { n }) : `${before}${n}${after}`;
      labels.set(sourceId, text);
    }
    return text;
  };
  return (s) => {
    const own = s.codingIds.map((id) => members.get(id)).filter((m): m is Member & { id: number } => m !== undefined);
    const { text, guid, said } = shown(own, s.sourceId, s.start, s.end);
    return { source: label(s.sourceId), text, guid, said };
  };
}

/**
 * The segments of a query with, when anonymised, what an export shows for
 * each: made while listSegments has that transcript's text loaded, so every
 * text is read once (the export and its name check both use this).
 */
export function listShownSegments(db: ProjectDb, query: SegmentQuery, language: Language): { list: SegmentList; shown?: (s: Segment) => ShownSegment } {
  if (!query.anonymise) return { list: listSegments(db, query) };
  const known = new Map<number, KnownSource>();
  const shownOf = anonymisedReader(db, language, known);
  const shown = new Map<Segment, ShownSegment>();
  const list = listSegments(db, query, (sourceId, src, segments) => {
    known.clear();
    known.set(sourceId, src);
    for (const s of segments) shown.set(s, shownOf(s));
  });
  known.clear();
  return { list, shown: (s) => shown.get(s)! };
}

/** Places in an anonymised segments export where a passage contains a name the project knows. */
export function segmentNamePlaces(db: ProjectDb, query: Omit<SegmentQuery, 'limit'>, language: Language): NamePlace[] {
  const { t } = createI18n(language);
  const { list, shown: shownOf } = listShownSegments(db, { ...query, anonymise: true, limit: 100_000 }, language);
  const shown = list.segments.map(shownOf!);
  const perspective = (p: string | null) => (p ? t(`perspective.${p}`) : t('analysis.group.participant.one'));
  // The replacement goes into the quote, which the report shows: in the report's language and with its quote labels.
  const report = readReportSettings(db);
  const r = createI18n(report.language).t;
  const names = knownNames(db, (p) => (p ? report.perspectiveLabels[p] ?? r(`perspective.${p}`) : r('analysis.group.participant.one')), r('retrieval.interviewer'));
  return findNames(names, list.segments.map((s, i) => ({
    codingGuid: shown[i]!.guid,
    where: shown[i]!.source,
    attribution: s.isInterviewer ? t('retrieval.interviewer') : perspective(s.perspective),
    text: shown[i]!.text,
    said: shown[i]!.said,
  })));
}
