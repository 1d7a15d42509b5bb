// Intercoder agreement through dispatch on a real project file: the bootstrap
// runs in a worker thread with progress events and gives the same figures as
// the pure engine; the review queue records decisions as single undoable
// actions; the XLSX export has a definitions sheet.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createDispatcher } from '../../src-main/ipc/dispatch.ts';
import { Session } from '../../src-main/session.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { applyCoding } from '../../src-main/services/coding-edit.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import { loadComparison } from '../../src-main/agreement/data.ts';
import { computeAgreement } from '../../src-shared/domain/agreement/compute.ts';
import type { AgreementReport, ReviewQueue } from '../../src-shared/contracts/agreement.ts';
import type { Result } from '../../src-shared/errors.ts';
import { useTmp } from '../helpers/tmp.ts';
import { codeByAnnaAndBram } from '../helpers/two-coders.ts';

const tmp = useTmp('duiding-agreement-');

const Q = 'Interviewer vraagt iets.';
const A = 'Wij willen structurele financiering en meer tijd voor de huisarts.';
const CODE = 'Wat is nodig/Structurele financiering';
const TIME = 'Wat is nodig/Tijd en capaciteit';

function setup() {
  const path = join(tmp.dir(), 'p.duiding');
  const db = createProject(path, { template: 'jzojp' });
  const text = `${Q}\n\n${A}`;
  const turns = [
    { start: 0, end: Q.length, speakerLabel: 'I', isInterviewer: true },
    { start: Q.length + 2, end: text.length, speakerLabel: 'R' },
  ];
  const sources = [0, 1, 2, 3].map((i) => addSource(db, { name: `Interview ${i + 1}`, text, originalFormat: 'txt', turns }));
  const code = resolveCode(db, CODE)!;
  const time = resolveCode(db, TIME)!;
  const x = text.indexOf('structurele');
  const { anna, bram } = codeByAnnaAndBram(db, sources, code, x, 24);
  sources.forEach((sourceId, i) => {
    applyCoding(db, { sourceId, codeId: time, ranges: [{ start: text.indexOf('meer tijd'), end: text.indexOf('meer tijd') + 9 }], coderId: i % 2 ? anna : bram });
  });
  db.close();
  const session = tmp.track(new Session());
  session.coder = 'Carla';
  const events: { event: string; payload: unknown }[] = [];
  session.subscribe((event, payload) => events.push({ event, payload }));
  const dispatch = createDispatcher({ session });
  return { path, session, dispatch, events, sources, code, time, text, x };
}

function data<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

describe('agreement through dispatch', () => {
  it('bootstrap intervals come from a worker thread, with progress, and equal the pure engine with the same seed', async () => {
    const { path, session, dispatch, events } = setup();
    data(await dispatch('project.open', { path }));
    const input = { coders: ['Anna', 'Bram'], replicates: 200, seed: 42 };
    const report = data<AgreementReport>(await dispatch('agreement.compute', input));
    const progress = events.filter((e) => e.event === 'agreement.progress').map((e) => e.payload as { done: number; total: number });
    expect(progress.at(-1)).toEqual({ done: 200, total: 200 });
    expect(progress.length).toBeGreaterThan(1);
    const loaded = loadComparison(session.requireProject(), { coders: ['Anna', 'Bram'], threshold: 0.9, skipInterviewer: false });
    const direct = computeAgreement(loaded.data, { replicates: 200, seed: 42 });
    const pooled = report.results.filter((r) => r.source === null);
    expect(pooled.map((r) => r.ci)).toEqual(direct.rows.filter((r) => r.source === null).map((r) => r.ci));
    expect(report.bootstrap).toEqual({ replicates: 200, seed: 42, confidence: 0.95 });
    expect(report.transcripts).toBe(4);
    expect(report.methods.nl).toContain('4 transcripten');
    expect(report.methods.nl).toContain('Anna en Bram');
    expect(report.methods.en).toContain('Intercoder agreement was assessed on 4 transcripts coded independently by Anna and Bram (2 codes)');
    expect(report.methods.en).toMatch(/κ = 0\.\d{3} \(95% CI 0\.\d{3}–/);
  });

  it('a coder with no coding in a transcript is missing there; nothing to compare is a clear error', async () => {
    const { path, dispatch } = setup();
    data(await dispatch('project.open', { path }));
    const r = await dispatch('agreement.compute', { coders: ['Anna', 'Carla'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'agreement.unknown_coder' });
    data(await dispatch('session.setCoder', { name: 'Carla' }));
    const nothing = await dispatch('agreement.compute', { coders: ['Anna', 'Carla'] });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(nothing.error.message).toBe('Er is niets te vergelijken: geen van de gekozen transcripten is door minstens twee van de gekozen codeurs gecodeerd.');
  });

  it('review queue: accept a version under "consensus", with a memo; one undo step; redo; figures of each coder with the consensus', async () => {
    const { path, dispatch, sources, code, x, session } = setup();
    data(await dispatch('project.open', { path }));
    const q = { coders: ['Anna', 'Bram'], codeId: code, sourceId: sources[2]! };
    const before = data<ReviewQueue>(await dispatch('agreement.review', q));
    expect(before.target).toBe('consensus');
    expect(before.items).toHaveLength(1);
    const item = before.items[0]!;
    expect([item.start, item.end]).toEqual([x, x + 24]);
    expect(item.differing).toEqual([{ start: x, end: x + 2 }]);
    expect(item.decided).toBe(false);
    expect(before.open).toBe(1);
    expect(before.figures!.withTarget).toEqual([{ coder: 'Anna', cohenKappa: null }, { coder: 'Bram', cohenKappa: null }]);

    const decided = data<{ codingIds: number[] }>(await dispatch('agreement.decide', { ...q, start: item.start, end: item.end, choice: { kind: 'coder', coder: 'Bram' }, note: 'Bram begint waar de zin begint.' }));
    expect(decided.codingIds).toHaveLength(1);
    const db = session.requireProject();
    const consensus = db.sqlite.prepare(`SELECT c.start, c."end" FROM codings c JOIN users u ON u.id = c.coder_id WHERE u.name = 'consensus'`).all();
    expect(consensus).toEqual([{ start: x + 2, end: x + 24 }]);
    const memo = db.sqlite.prepare(`SELECT m.title, m.plain, u.name FROM memos m JOIN users u ON u.id = m.author_id WHERE m.target_kind = 'coding'`).get() as { title: string; plain: string; name: string };
    expect(memo.plain).toBe('Consensus: versie van Bram overgenomen.\nToelichting: Bram begint waar de zin begint.');
    expect(memo.name).toBe('Carla');
    const history = data<{ label: string; author: string }[]>(await dispatch('history.list', {}));
    expect(history[0]).toMatchObject({ label: 'agreement.history.decided', author: 'Carla' });

    const after = data<ReviewQueue>(await dispatch('agreement.review', q));
    expect(after.items[0]).toMatchObject({ decided: true, consensus: [{ start: x + 2, end: x + 24 }] });
    expect(after.open).toBe(0);
    expect(after.figures!.withTarget.map((w) => w.coder)).toEqual(['Anna', 'Bram']);
    expect(after.figures!.withTarget[1]!.cohenKappa).toBe(1);
    expect(after.figures!.withTarget[0]!.cohenKappa).toBeLessThan(1);

    data(await dispatch('history.undo', {}));
    const undone = data<ReviewQueue>(await dispatch('agreement.review', q));
    expect(undone.items[0]).toMatchObject({ decided: false, consensus: [] });
    expect(db.sqlite.prepare(`SELECT COUNT(*) FROM memos`).pluck().get()).toBe(0);
    data(await dispatch('history.redo', {}));
    expect(data<ReviewQueue>(await dispatch('agreement.review', q)).items[0]!.decided).toBe(true);
  });

  it('reviewer as target: accepting the other version changes the reviewer’s own coding; the disagreement and the κ update', async () => {
    const { path, dispatch, sources, code, x } = setup();
    data(await dispatch('project.open', { path }));
    data(await dispatch('session.setCoder', { name: 'Anna' }));
    const q = { coders: ['Anna', 'Bram'], codeId: code, sourceId: sources[3]!, target: 'reviewer' as const };
    const kappa = async () => data<AgreementReport>(await dispatch('agreement.compute', { coders: ['Anna', 'Bram'], sourceIds: [sources[3]!] })).results.find((r) => r.codeId === code && r.source !== null)!.cohenKappa;
    expect(await kappa()).toBeLessThan(1);
    const item = data<ReviewQueue>(await dispatch('agreement.review', q)).items[0]!;
    data(await dispatch('agreement.decide', { ...q, start: item.start, end: item.end, choice: { kind: 'coder', coder: 'Bram' } }));
    expect(await kappa()).toBe(1);
    expect(data<ReviewQueue>(await dispatch('agreement.review', q)).items).toEqual([]);
    data(await dispatch('history.undo', {}));
    expect(await kappa()).toBeLessThan(1);
    expect(data<ReviewQueue>(await dispatch('agreement.review', q)).items.map((i) => [i.start, i.end])).toEqual([[x, x + 24]]);
  });

  it('a written consensus must lie in the stretch under review: refused, nothing changed', async () => {
    const { path, dispatch, sources, code, session } = setup();
    data(await dispatch('project.open', { path }));
    const q = { coders: ['Anna', 'Bram'], codeId: code, sourceId: sources[1]! };
    const item = data<ReviewQueue>(await dispatch('agreement.review', q)).items[0]!;
    const db = session.requireProject();
    const count = () => db.sqlite.prepare('SELECT (SELECT COUNT(*) FROM codings) + (SELECT COUNT(*) FROM history) + (SELECT COUNT(*) FROM memos)').pluck().get();
    const before = count();
    const r = await dispatch('agreement.decide', { ...q, start: item.start, end: item.end, choice: { kind: 'custom', ranges: [{ start: item.start - 5, end: item.end }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('agreement.bad_range');
    expect(count()).toBe(before);
    const ok = data<{ codingIds: number[] }>(await dispatch('agreement.decide', { ...q, start: item.start, end: item.end, choice: { kind: 'custom', ranges: [{ start: item.start + 3, end: item.end - 1 }] } }));
    expect(ok.codingIds).toHaveLength(1);
  });

  it('XLSX export: summary, per transcript, branches and a definitions sheet with the rules', async () => {
    const { path, dispatch } = setup();
    data(await dispatch('project.open', { path }));
    const out = join(tmp.dir(), 'overeenstemming.xlsx');
    const written = data<{ path: string; bytes: number }>(await dispatch('agreement.exportXlsx', { coders: ['Anna', 'Bram'], replicates: 50, path: out, language: 'en' }));
    expect(written.path).toBe(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Agreement', 'Per transcript', 'Branches', 'Definitions']);
    const summary = book.getWorksheet('Agreement')!;
    expect(summary.getRow(1).values).toContain('Cohen’s κ (lower)');
    expect(summary.getColumn(1).values).toContain('All codes together');
    const defs = book.getWorksheet('Definitions')!;
    const text = (defs.getColumn(2).values as unknown[]).join('\n');
    expect(text).toContain('Characters nobody coded count as agreement');
    expect(text).toContain('|shared| / |covered together| ≥ threshold');
    expect(text).toContain('every measure is then 1');
    expect(text).toContain('seed 20260101');
    expect(book.getWorksheet('Per transcript')!.rowCount).toBe(1 + 2 * 4);
  });
});
