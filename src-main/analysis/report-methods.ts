// The report's methods section (issue 9 §6): what the analysis rests on, in
// the report's language. Only coded transcripts count, every participant is
// in the breakdown (also those without a perspective, so the parts add up), a
// transcript with several participants speaking is a group interview, and the
// quote conventions ("…" cuts, "[…]" substitutions) are stated and listed.
import type { TFunction } from 'i18next';
import type { ProjectDb } from '../db/open.ts';
import type { Matrix, ReportSettings } from '../../src-shared/contracts/analysis.ts';

export function reportMethods(
  db: ProjectDb, matrix: Matrix, t: TFunction, options: ReportSettings, th: { few: number; several: number; many: number },
  substitutions: string[][],
): string[] {
  const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
  const list = (items: string[]) => new Intl.ListFormat(options.language === 'nl' ? 'nl' : 'en-GB', { type: 'conjunction' }).format(items);
  // Speakers per coded transcript: mapped participants, plus labels not mapped to anyone.
  const speakers = db.sqlite.prepare(
    `SELECT COUNT(DISTINCT t.participant_id) + COUNT(DISTINCT CASE WHEN t.participant_id IS NULL THEN lower(trim(t.speaker_label)) END) AS n
     FROM sources s LEFT JOIN turns t ON t.source_id = s.id AND t.is_interviewer = 0 AND t.kind = 'speech'
     WHERE EXISTS (SELECT 1 FROM codings c WHERE c.source_id = s.id)
     GROUP BY s.id`,
  ).pluck().all() as number[];
  const groups = speakers.filter((n) => n >= 2).length;
  const interviews = speakers.length - groups;
  const uncoded = count('SELECT COUNT(*) FROM sources') - speakers.length;
  const kinds = [
    ...(interviews > 0 ? [t('analysis.report.n.interviews', { count: interviews })] : []),
    ...(groups > 0 ? [t('analysis.report.n.groups', { count: groups })] : []),
  ];
  const withParticipants = matrix.columns.filter((c) => c.participants > 0);
  const parts = withParticipants.map((c) => c.key === ''
    ? t('analysis.report.noPerspective', { count: c.participants })
    : t('analysis.report.groupCount', { count: c.participants, group: t(`analysis.group.${c.key}.${c.participants === 1 ? 'one' : 'other'}`) }));
  const participants = withParticipants.reduce((sum, c) => sum + c.participants, 0);
  const first = t('analysis.report.methods', {
    sources: t('analysis.report.n.codedSources', { count: speakers.length }),
    kinds: kinds.length > 0 ? list(kinds) : t('analysis.report.n.interviews', { count: 0 }),
    participants: t('analysis.report.n.participants', { count: participants }),
    perspectives: parts.length > 0 ? list(parts) : '–',
    coders: t('analysis.report.n.coders', { count: count('SELECT COUNT(DISTINCT coder_id) FROM codings') }),
    codes: count('SELECT COUNT(*) FROM codes'),
    blocks: count(`SELECT COUNT(*) FROM codes WHERE role = 'building_block'`),
  });
  const out = [
    [first, ...(uncoded > 0 ? [t('analysis.report.uncoded', { count: uncoded })] : [])].join(' '),
  ];
  const notes = count(`SELECT EXISTS (SELECT 1 FROM turns WHERE kind = 'note')`) === 1;
  out.push([t('analysis.report.attribution'), ...(notes ? [t('analysis.report.notes')] : [])].join(' '));
  if (substitutions.length > 0) {
    const tally = new Map<string, number>();
    for (const text of substitutions.flat()) tally.set(text, (tally.get(text) ?? 0) + 1);
    const items = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], options.language))
      .map(([text, n]) => t('analysis.report.substitution', { text, count: n }));
    out.push(t('analysis.report.substitutions', { count: substitutions.length, list: list(items) }));
  }
  if (options.countsInWords) {
    const pct = (x: number) => Math.round(x * 100);
    out.push(t('analysis.report.wordsLegend', { few: pct(th.few), several: pct(th.several), many: pct(th.many) }));
  }
  return out;
}
