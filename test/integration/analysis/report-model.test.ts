import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { createProject } from '../../../src-main/services/project.ts';
import { buildReportModel, trimQuote } from '../../../src-main/analysis/report-model.ts';
import { reportOptionsSchema, type ReportModel, type ReportSection } from '../../../src-shared/contracts/analysis.ts';
import type { ProjectDb } from '../../../src-main/db/open.ts';

const tmp = useTmp();
const options = (o: object = {}) => reportOptionsSchema.parse(o);

function example(): ProjectDb {
  return tmp.track(createExampleProject(join(tmp.dir(), 'example.duiding')));
}

/** Every string in the model, for "no names anywhere" checks. */
function allText(model: ReportModel): string {
  const walk = (s: ReportSection): string[] => [s.title, s.definition, ...s.summary, ...s.narrative, ...s.quotes.flatMap((q) => [q.text, q.attribution]), ...s.children.flatMap(walk)];
  return [model.title, model.subtitle, ...model.methods, ...model.sections.flatMap(walk), ...model.appendix.flatMap((t) => [t.caption, ...t.head, ...t.rows.flatMap((r) => r.cells)])].join('\n');
}

describe('report model', () => {
  it('structure a: one chapter per building block, one section per perspective, key quotes by role only', () => {
    const db = example();
    const model = buildReportModel(db, options());
    expect(model.sections.map((s) => s.title)).toEqual([
      'Bekostiging en financiering', 'Lerend vermogen', 'Domeinoverstijgende samenwerking', 'Inwonerparticipatie', 'Kwetsbare groepen',
    ]);
    for (const chapter of model.sections) {
      expect(chapter.definition.length).toBeGreaterThan(20);
      expect(chapter.children.map((c) => c.title)).toEqual(['Inwoner/patiënt', 'Zorgprofessional', 'Bestuurder', 'Regulerende partij']);
    }
    const quotes = model.sections.flatMap((s) => s.children.flatMap((c) => c.quotes.map((q) => ({ ...q, section: c.title }))));
    const keyQuotes = db.sqlite.prepare(`SELECT COUNT(*) FROM codings WHERE is_key_quote = 1`).pluck().get() as number;
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(keyQuotes);
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

  it('methods paragraph counts transcripts, participants per perspective and coders', () => {
    const model = buildReportModel(example(), options());
    expect(model.methods[0]).toBe(
      'Deze analyse is gebaseerd op 3 gecodeerde transcripten van interviews met 4 deelnemers (1 inwoner, 1 zorgprofessional, 1 bestuurder, 1 regulerende partij). ' +
      'Er is gecodeerd door één codeur met een codeboek van 35 codes, geordend naar 5 bouwstenen. Beurten van interviewers tellen niet mee in de aantallen.',
    );
    expect(model.methods[2]).toContain('hoogstens 25%');
    expect(buildReportModel(example(), options({ countsInWords: false })).methods).toHaveLength(2);
  });

  it('structure b: per perspective, the codes under "Wat is nodig"; English; custom role labels', () => {
    const model = buildReportModel(example(), options({ structure: 'needs', language: 'en', perspectiveLabels: { bestuurder: 'Bestuurder (regio)' } }));
    expect(model.subtitle).toBe('What is needed, by perspective');
    expect(model.sections.map((s) => s.title)).toEqual([
      'What is needed according to citizens and patients', 'What is needed according to care professionals',
      'What is needed according to executives', 'What is needed according to regulating parties',
    ]);
    expect(model.sections[0]!.children.map((c) => c.title)).toEqual([
      'Structurele financiering', 'Ruimte in regelgeving', 'Tijd en capaciteit', 'Data en informatie-uitwisseling', 'Regie en sturing',
    ]);
    const all = buildReportModel(example(), options({ structure: 'needs', keyQuotesOnly: false, perspectiveLabels: { bestuurder: 'Bestuurder (regio)' } }));
    const attributions = all.sections.flatMap((s) => s.children.flatMap((c) => c.quotes.map((q) => q.attribution)));
    expect(attributions).toContain('Bestuurder (regio)');
    expect(attributions).not.toContain('Bestuurder');
  });

  it('counts in exact numbers when asked; appendix keeps the numbers', () => {
    const model = buildReportModel(example(), options({ countsInWords: false }));
    expect(model.sections[0]!.children[2]!.summary[0]).toBe('Dit kwam aan bod bij 1 van de 1 bestuurders.');
    expect(model.appendix).toHaveLength(2);
    expect(model.appendix[0]!.head).toEqual(['Code', 'Inwoner/patiënt (n=1)', 'Zorgprofessional (n=1)', 'Bestuurder (n=1)', 'Regulerende partij (n=1)']);
    expect(model.appendix[0]!.rows[0]).toEqual({ depth: 0, cells: ['Bekostiging en financiering', '0', '1', '1', '1'] });
  });

  it('the needs structure is refused, with a message, for a codebook without "Wat is nodig"', () => {
    const db = tmp.track(createProject(join(tmp.dir(), 'empty.duiding'), { template: 'empty' }));
    expect(() => buildReportModel(db, options({ structure: 'needs' }))).toThrow(expect.objectContaining({ code: 'analysis.no_needs_group' }));
  });

  it('leaves out and shortens quotes as the analyst chose, refusing edits that change the words', () => {
    const db = example();
    const base = buildReportModel(db, options());
    const quote = base.sections[0]!.children.find((c) => c.title === 'Bestuurder')!.quotes[0]!;
    const short = '… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …';
    const edited = buildReportModel(db, options({ quoteEdits: { [quote.codingId]: short } }));
    const again = edited.sections[0]!.children.find((c) => c.title === 'Bestuurder')!.quotes[0]!;
    expect(again).toMatchObject({ codingId: quote.codingId, text: short, trimmed: true, original: quote.original });
    const omitted = buildReportModel(db, options({ omitQuotes: [quote.codingId] }));
    expect(omitted.sections[0]!.children.find((c) => c.title === 'Bestuurder')!.quotes.map((q) => q.codingId)).not.toContain(quote.codingId);
    expect(() => buildReportModel(db, options({ quoteEdits: { [quote.codingId]: 'We hebben nooit transformatiegelden gehad.' } })))
      .toThrow(expect.objectContaining({ code: 'analysis.bad_quote_edit' }));
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
