import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { addTranscript, span } from '../../helpers/transcript.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { createProject } from '../../../src-main/services/project.ts';
import { buildReportModel, trimQuote } from '../../../src-main/analysis/report-model.ts';
import { buildMatrix } from '../../../src-main/analysis/matrix.ts';
import { addParticipant } from '../../../src-main/participants/participants.ts';
import { applyCoding, updateCoding } from '../../../src-main/services/coding-edit.ts';
import { createCode, updateCode } from '../../../src-main/services/codebook-edit.ts';
import { findCodeByPath } from '../../../src-main/services/codebook.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { reportSettingsSchema, type ReportModel, type ReportSection } from '../../../src-shared/contracts/analysis.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';

const tmp = useTmp();
const options = (o: object = {}) => reportSettingsSchema.parse(o);

function example(): ProjectDb {
  return tmp.track(createExampleProject(join(tmp.dir(), 'example.duiding')));
}

/** Every string in the model, for "no names anywhere" checks. */
function allText(model: ReportModel): string {
  const walk = (s: ReportSection): string[] => [s.title, s.definition, ...s.summary, ...s.narrative, ...s.quotes.flatMap((q) => [q.text, q.attribution]), ...s.children.flatMap(walk)];
  return [model.title, model.subtitle, ...model.methods, ...model.sections.flatMap(walk), ...model.appendix.flatMap((t) => [t.caption, ...t.head, ...t.rows.flatMap((r) => r.cells)])].join('\n');
}

const code = (db: ProjectDb, ...path: string[]) => findCodeByPath(db, path)!;
const quotesOf = (s: ReportSection): string[] => [...s.quotes.map((q) => q.text), ...s.children.flatMap(quotesOf)];

describe('report model', () => {
  it('structure a: a chapter per building block, then the theme groups; a section per perspective; key quotes by role only', () => {
    const db = example();
    const model = buildReportModel(db, options());
    expect(model.sections.map((s) => s.title)).toEqual([
      'Bekostiging en financiering', 'Lerend vermogen', 'Domeinoverstijgende samenwerking', 'Inwonerparticipatie', 'Kwetsbare groepen',
      'Beeld van JZOJP', 'Merkbare resultaten', 'Wat is nodig',
    ]);
    for (const chapter of model.sections) {
      expect(chapter.definition.length).toBeGreaterThan(20);
      expect(chapter.children.map((c) => c.title)).toEqual(['Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij']);
    }
    const quotes = model.sections.flatMap((s) => s.children.flatMap((c) => c.quotes.map((q) => ({ ...q, section: c.title }))));
    expect(quotes.length).toBeGreaterThan(0);
    // The example's key quotes, each once (a coding inside a starred passage of the same group is not quoted again).
    const keys = db.sqlite.prepare('SELECT guid FROM codings WHERE is_key_quote = 1').pluck().all() as string[];
    expect(quotes.map((q) => q.codingGuid).sort()).toEqual([...keys].sort());
    // Attribution is the perspective's label and matches the section it sits in.
    for (const q of quotes) expect(q.attribution).toBe(q.section);
    const funding = model.sections[0]!.children.find((c) => c.title === 'Bestuurder')!;
    expect(funding.summary[0]).toBe('Dit kwam aan bod bij één bestuurder (1 van 1).');
    expect(funding.quotes[0]!.text).toContain('transformatiegelden');
    // The analyst's memo on the block is the chapter's narrative, paragraph by paragraph.
    expect(model.sections[0]!.narrative).toHaveLength(2);
    expect(model.sections[0]!.narrative[0]).toMatch(/^Over bekostiging lopen de perspectieven uiteen/);
  });

  it('never names a participant, anywhere in the model', () => {
    const db = example();
    const names = db.sqlite.prepare('SELECT name FROM participants').pluck().all() as string[];
    expect(names.length).toBeGreaterThan(0);
    for (const structure of ['blocks', 'needs'] as const) {
      for (const language of ['nl', 'en'] as const) {
        const text = allText(buildReportModel(db, options({ structure, language })));
        for (const name of names) expect(text).not.toContain(name);
      }
    }
  });

  it('methods paragraph: coded transcripts, interviews and group interviews, participants per perspective, coders', () => {
    const model = buildReportModel(example(), options());
    expect(model.methods[0]).toBe(
      'Deze analyse is gebaseerd op 3 gecodeerde transcripten (2 interviews en 1 groepsgesprek of focusgroep) met 4 deelnemers ' +
      '(1 inwoner, 1 zorgprofessional, 1 bestuurder en 1 regulerende partij). ' +
      'Er is gecodeerd door één codeur met een codeboek van 35 codes, geordend naar 5 bouwstenen. Beurten van interviewers tellen niet mee in de aantallen.',
    );
    expect(model.methods[1]).toContain('nooit op naam van de persoon');
    expect(model.methods.at(-1)).toContain('hoogstens 25%');
    expect(buildReportModel(example(), options({ countsInWords: false })).methods).toHaveLength(2);
    expect(buildReportModel(example(), options({ language: 'en' })).methods[0]).toMatch(
      /^This analysis is based on 3 coded transcripts \(2 interviews and 1 group interview or focus group\) with 4 participants \(1 citizen or patient, 1 care professional, 1 executive and 1 regulating party\)\./,
    );
  });

  it('methods: an uncoded transcript is not counted as coded, and participants without a perspective are in the breakdown (it adds up)', () => {
    const db = example();
    const coder = ensureUser(db, 'Onderzoeker');
    const kees = addParticipant(db, { name: 'Kees Jansen', perspective: null });
    const fenna = addParticipant(db, { name: 'Fenna de Vries', perspective: 'zorgprofessional' });
    const ali = addParticipant(db, { name: 'Ali Demir', perspective: 'zorgprofessional' });
    const group = addTranscript(db, 'Focusgroep wijkteam', [
      { speaker: 'Gespreksleider', text: 'Wat merken jullie in de wijk?', interviewer: true },
      { speaker: 'Kees', text: 'We zien meer mensen met schulden en eenzaamheid.', participantId: kees },
      { speaker: 'Fenna', text: 'En de huisarts weet vaak niet dat wij er zijn.', participantId: fenna },
    ]);
    applyCoding(db, { sourceId: group.sourceId, codeId: code(db, 'Kwetsbare groepen'), ranges: [group.ranges[1]!], coderId: coder });
    // Imported, not coded yet: neither the transcript nor Ali may count.
    addTranscript(db, 'Interview nog niet gecodeerd', [{ speaker: 'Ali', text: 'Dit is nog niet gecodeerd.', participantId: ali }]);
    const model = buildReportModel(db, options());
    expect(model.methods[0]).toMatch(/^Deze analyse is gebaseerd op 4 gecodeerde transcripten \(2 interviews en 2 groepsgesprekken of focusgroepen\) met 6 deelnemers \(1 inwoner, 2 zorgprofessionals, 1 bestuurder, 1 regulerende partij en 1 zonder perspectief\)\./);
    expect(model.methods[0]).toContain('1 ander transcript is nog niet gecodeerd en telt niet mee.');
    const parts = /\(([^)]*zonder perspectief)\)/.exec(model.methods[0]!)![1]!.match(/\d+/g)!.map(Number);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(6);
    // The appendix base is the same people: Ali speaks only in the uncoded transcript.
    expect(model.appendix[0]!.head).toEqual(['Code', 'Inwoner/patiënt (n=1)', 'Zorgprofessional (n=2)', 'Bestuurder (n=1)', 'Regulerende partij (n=1)', 'Geen (n=1)']);
  });

  it('an inductive theme the analyst added gets its own chapter', () => {
    const db = example();
    const coder = ensureUser(db, 'Onderzoeker');
    const theme = createCode(db, { name: 'Wachtlijsten', color: '#336699', parentId: null, definition: 'Wachten op hulp.' }, coder);
    const source = db.sqlite.prepare('SELECT id, text FROM sources ORDER BY id LIMIT 1').get() as { id: number; text: string };
    const range = span(source.text, 'dan duurt het weken voordat er iemand van het sociaal team langskomt');
    const [id] = applyCoding(db, { sourceId: source.id, codeId: theme, ranges: [range], coderId: coder });
    updateCoding(db, id!, { isKeyQuote: true }, coder);
    const model = buildReportModel(db, options());
    const chapter = model.sections.find((s) => s.title === 'Wachtlijsten')!;
    expect(chapter.definition).toBe('Wachten op hulp.');
    expect(quotesOf(chapter).join()).toContain('dan duurt het weken voordat er iemand van het sociaal team langskomt');
  });

  it('the "building blocks by perspective" chart has the building blocks only', () => {
    const model = buildReportModel(example(), options());
    expect(model.blockChart.groups.map((g) => g.label)).toEqual([
      'Bekostiging en financiering', 'Lerend vermogen', 'Domeinoverstijgende samenwerking', 'Inwonerparticipatie', 'Kwetsbare groepen',
    ]);
    expect(model.blockChart.series).toEqual(['Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij']);
    expect(model.blockChart.groups[0]!.values).toEqual([0, 1, 1, 1]);
  });

  it('structure b: the needs described once, then per perspective; English names of template codes; custom role labels', () => {
    const model = buildReportModel(example(), options({ structure: 'needs', language: 'en', perspectiveLabels: { bestuurder: 'Bestuurder (regio)' } }));
    expect(model.subtitle).toBe('What is needed, by perspective');
    expect(model.sections.map((s) => s.title)).toEqual([
      'What is needed',
      'What is needed according to citizens and patients', 'What is needed according to care professionals',
      'What is needed according to executives', 'What is needed according to regulating parties',
    ]);
    const needs = ['Lasting funding', 'Room within regulations', 'Time and capacity', 'Data and information exchange', 'Direction and steering'];
    for (const s of model.sections) expect(s.children.map((c) => c.title)).toEqual(needs);
    // Each definition once, in the first chapter; none repeated under the perspectives.
    const intro = model.sections[0]!;
    expect(intro.children[0]!.definition).toMatch(/^The need for durable, predictable funding/);
    for (const s of model.sections.slice(1)) for (const c of s.children) expect(c.definition).toBe('');
    const text = allText(model);
    expect(text.split(intro.children[0]!.definition)).toHaveLength(2);
    const all = buildReportModel(example(), options({ structure: 'needs', keyQuotesOnly: false, perspectiveLabels: { bestuurder: 'Bestuurder (regio)' } }));
    const attributions = all.sections.flatMap((s) => s.children.flatMap((c) => c.quotes.map((q) => q.attribution)));
    expect(attributions).toContain('Bestuurder (regio)');
    expect(attributions).not.toContain('Bestuurder');
  });

  it('structure b with the default settings quotes a passage that was starred under a building block', () => {
    const db = example();
    const coder = ensureUser(db, 'Onderzoeker');
    const source = db.sqlite.prepare('SELECT id, text FROM sources ORDER BY id LIMIT 1').get() as { id: number; text: string };
    const range = span(source.text, 'Dat hoort bij de gemeente, dus ik moet een melding doen');
    const [block] = applyCoding(db, { sourceId: source.id, codeId: code(db, 'Bekostiging en financiering', 'Schotten tussen financieringsstromen'), ranges: [range], coderId: coder });
    updateCoding(db, block!, { isKeyQuote: true }, coder);
    // The same words coded with a need, not starred there: the analyst starred the passage once.
    applyCoding(db, { sourceId: source.id, codeId: code(db, 'Wat is nodig', 'Regie en sturing'), ranges: [range], coderId: coder });
    const model = buildReportModel(db, options({ structure: 'needs' }));
    const professional = model.sections.find((s) => s.title === 'Wat is nodig volgens zorgprofessionals')!;
    expect(professional.children.find((c) => c.title === 'Regie en sturing')!.quotes.map((q) => q.text))
      .toEqual(['Dat hoort bij de gemeente, dus ik moet een melding doen …']);
  });

  it('a quote cut mid-sentence shows "…" where the sentence goes on', () => {
    const db = example();
    const coder = ensureUser(db, 'Onderzoeker');
    const source = db.sqlite.prepare('SELECT id, text FROM sources ORDER BY id LIMIT 1').get() as { id: number; text: string };
    const star = (path: string[], words: string) => {
      const [id] = applyCoding(db, { sourceId: source.id, codeId: code(db, ...path), ranges: [span(source.text, words)], coderId: coder });
      updateCoding(db, id!, { isKeyQuote: true }, coder);
    };
    // Starts after "…, dan" and stops before the full stop: both ends are open.
    star(['Kwetsbare groepen', 'Tussen wal en schip'], 'kan ik daar in mijn indicatie niets mee');
    // Starts a sentence and ends with one: no ellipsis.
    star(['Kwetsbare groepen', 'Zicht op behoeften'], 'Dat hoort bij de gemeente, dus ik moet een melding doen en dan duurt het weken voordat er iemand van het sociaal team langskomt.');
    const texts = quotesOf(buildReportModel(db, options()).sections.find((s) => s.title === 'Kwetsbare groepen')!);
    expect(texts).toContain('… kan ik daar in mijn indicatie niets mee …');
    expect(texts).toContain('Dat hoort bij de gemeente, dus ik moet een melding doen en dan duurt het weken voordat er iemand van het sociaal team langskomt.');
  });

  it('counts in exact numbers when asked; appendix keeps the numbers', () => {
    const model = buildReportModel(example(), options({ countsInWords: false }));
    expect(model.sections[0]!.children[2]!.summary[0]).toBe('Dit kwam aan bod bij 1 van de 1 bestuurders.');
    expect(model.appendix).toHaveLength(2);
    expect(model.appendix[0]!.head).toEqual(['Code', 'Inwoner/patiënt (n=1)', 'Zorgprofessional (n=1)', 'Bestuurder (n=1)', 'Regulerende partij (n=1)']);
    expect(model.appendix[0]!.rows[0]).toEqual({ depth: 0, cells: ['Bekostiging en financiering', '0', '1', '1', '1'] });
  });

  it('English labels: template codes by Dutch name and parent path; a renamed code or an edited definition stays the analyst\'s', () => {
    const db = example();
    updateCode(db, code(db, 'Lerend vermogen'), { name: 'Leren in de regio' });
    updateCode(db, code(db, 'Kwetsbare groepen'), { definition: 'Onze eigen omschrijving.' });
    const model = buildReportModel(db, options({ language: 'en' }));
    expect(model.sections.map((s) => s.title)).toEqual([
      'Funding and financing', 'Leren in de regio', 'Cross-domain collaboration', 'Citizen participation', 'Vulnerable groups',
      'Understanding of JZOJP', 'Noticeable results', 'What is needed',
    ]);
    expect(model.sections[0]!.definition).toMatch(/^How money for care, support and prevention/);
    expect(model.sections[4]!.definition).toBe('Onze eigen omschrijving.');
    const rows = model.appendix[0]!.rows.map((r) => r.cells[0]);
    expect(rows).toContain('Regional budgets and transformation funds');
    // Under a renamed parent the path no longer matches the template: the Dutch names stay.
    expect(rows).toContain('Data en regiobeeld');
  });

  it('non-speech notes are cut out of quotes with "…" and do not count', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'notes.duiding'), { template: 'jzojp' }));
    const coder = ensureUser(db, 'Onderzoeker');
    const anna = addParticipant(db, { name: 'Anna Smit', perspective: 'bestuurder' });
    const t = addTranscript(db, 'Interview 1', [
      { speaker: 'I', text: 'Hoe gaat het met de financiering?', interviewer: true },
      { speaker: 'Anna', text: 'Het geld is op.', participantId: anna },
      { speaker: 'Anna', text: '[lacht]', participantId: anna, note: true, inline: true },
      { speaker: 'Anna', text: 'Maar we gaan door.', participantId: anna, inline: true },
      { speaker: 'Anna', text: 'MUZIEK', participantId: anna, note: true },
    ]);
    const block = code(db, 'Bekostiging en financiering');
    const [whole] = applyCoding(db, { sourceId: t.sourceId, codeId: block, ranges: [{ start: t.ranges[1]!.start, end: t.ranges[3]!.end }], coderId: coder });
    updateCoding(db, whole!, { isKeyQuote: true }, coder);
    // A coding of the note line alone is nobody's words: it counts for no one.
    applyCoding(db, { sourceId: t.sourceId, codeId: code(db, 'Lerend vermogen'), ranges: [t.ranges[4]!], coderId: coder });
    const model = buildReportModel(db, options());
    expect(model.sections[0]!.children.find((c) => c.title === 'Bestuurder')!.quotes.map((q) => q.text)).toEqual(['Het geld is op. … Maar we gaan door.']);
    const matrix = buildMatrix(db, 'perspective');
    const learning = matrix.rows.find((r) => r.name === 'Lerend vermogen')!;
    expect(learning.totals.every((c) => c.segments === 0)).toBe(true);
    expect(model.methods[1]).toContain('Regels die geen gesproken tekst zijn');
  });

  it('the needs structure is refused, with a message, for a codebook without "Wat is nodig"', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'empty.duiding'), { template: 'empty' }));
    expect(() => buildReportModel(db, options({ structure: 'needs' }))).toThrow(expect.objectContaining({ code: 'analysis.no_needs_group' }));
  });

  it('trims long quotes at a word boundary with an ellipsis', () => {
    expect(trimQuote('kort  citaat\nmet regels', 100)).toEqual({ text: 'kort citaat met regels', trimmed: false });
    const long = 'Wij willen graag dat de financiering structureel wordt, want anders stopt alles weer na de pilot.';
    const cut = trimQuote(long, 50);
    expect(cut.trimmed).toBe(true);
    expect(cut.text.endsWith(' …')).toBe(true);
    expect(long.startsWith(cut.text.slice(0, -2))).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(52);
  });
});
