// Report decisions stored in the project (issue 9 §2): settings and quote
// decisions through the same dispatch the app uses, on a real project file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { runCli } from '../../../src-main/cli/main.ts';
import type { ReportModel, ReportQuote, ReportSection, ReportSettings } from '../../../src-shared/contracts/analysis.ts';
import type { Result } from '../../../src-shared/errors.ts';

const tmp = useTmp();

function exampleFile(): string {
  const path = join(tmp.dir(), 'Voorbeeld.duiding');
  createExampleProject(path).close();
  return path;
}

async function open(path: string) {
  const session = new Session();
  const events: unknown[] = [];
  session.subscribe((event, payload) => events.push({ event, payload }));
  const dispatch = createDispatcher({ session });
  const ok = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const r = (await dispatch(channel, payload)) as Result<T>;
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.data;
  };
  const fail = async (channel: string, payload: unknown) => {
    const r = (await dispatch(channel, payload)) as Result<unknown>;
    if (r.ok) throw new Error(`${channel} succeeded`);
    return r.error;
  };
  await ok('project.open', { path });
  return { session, ok, fail, events, close: () => session.close() };
}

const quotes = (m: ReportModel): ReportQuote[] => {
  const walk = (s: ReportSection): ReportQuote[] => [...s.quotes, ...s.children.flatMap(walk)];
  return m.sections.flatMap(walk);
};
const history = (session: Session) => session.requireProject().sqlite
  .prepare('SELECT label, params FROM history WHERE undone = 0 ORDER BY id').all() as { label: string; params: string }[];

describe('stored report decisions', () => {
  it('settings, left-out and shortened quotes survive reopening; each change is one undoable, labelled step', async () => {
    const path = exampleFile();
    let app = await open(path);
    const before = history(app.session).length;
    const start = await app.ok<ReportModel>('analysis.report');
    const executive = quotes(start).find((q) => q.text.includes('transformatiegelden'))!;
    const regulator = quotes(start).find((q) => q.text.includes('per sector en per verrichting'))!;
    const short = '… twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar …';

    await app.ok('analysis.editQuote', { codingGuid: executive.codingGuid, text: short });
    await app.ok('analysis.omitQuotes', { codingGuids: [regulator.codingGuid], omitted: true });
    expect(await app.ok<ReportSettings>('analysis.setReportSettings', { keyQuotesOnly: false, structure: 'needs' })).toMatchObject({ keyQuotesOnly: false, structure: 'needs' });
    await app.ok<ReportSettings>('analysis.setReportSettings', { structure: 'blocks' });
    // The same value again changes nothing and leaves no history entry.
    await app.ok<ReportSettings>('analysis.setReportSettings', { structure: 'blocks' });
    expect(app.events).toContainEqual({ event: 'project.changed', payload: { tags: ['report'] } });
    const steps = history(app.session).slice(before);
    expect(steps.map((s) => s.label)).toEqual([
      'analysis.history.report.edited', 'analysis.history.report.omitted', 'analysis.history.report.settings', 'analysis.history.report.structure',
    ]);
    expect(JSON.parse(steps[1]!.params)).toMatchObject({ count: 1, quote: expect.stringMatching(/^We kopen nog grotendeels/) });
    expect(JSON.parse(steps[3]!.params)).toEqual({ context: 'blocks' });
    app.close();

    app = await open(path);
    tmp.defer(() => app.close());
    expect(await app.ok<ReportSettings>('analysis.reportSettings')).toMatchObject({ keyQuotesOnly: false, structure: 'blocks', language: 'nl' });
    const after = await app.ok<ReportModel>('analysis.report');
    const shown = quotes(after);
    expect(shown.find((q) => q.codingGuid === executive.codingGuid)).toMatchObject({ text: short, status: 'edited' });
    expect(shown.map((q) => q.codingGuid)).not.toContain(regulator.codingGuid);
    expect(after.decisions.omitted).toEqual([regulator.codingGuid]);

    // Undo walks back one decision at a time, redo brings it back.
    await app.ok('history.undo');
    expect(await app.ok<ReportSettings>('analysis.reportSettings')).toMatchObject({ structure: 'needs' });
    await app.ok('history.undo');
    await app.ok('history.undo');
    expect(quotes(await app.ok<ReportModel>('analysis.report')).map((q) => q.codingGuid)).toContain(regulator.codingGuid);
    await app.ok('history.undo');
    expect(quotes(await app.ok<ReportModel>('analysis.report')).find((q) => q.codingGuid === executive.codingGuid)!.status).not.toBe('edited');
    await app.ok('history.redo');
    expect(quotes(await app.ok<ReportModel>('analysis.report')).find((q) => q.codingGuid === executive.codingGuid)).toMatchObject({ text: short });
  });

  it('refuses edits that change what was said, unknown codings and ids instead of GUIDs, with a message and nothing stored', async () => {
    const app = await open(exampleFile());
    tmp.defer(() => app.close());
    const q = quotes(await app.ok<ReportModel>('analysis.report')).find((x) => x.text.includes('transformatiegelden'))!;
    const err = await app.fail('analysis.editQuote', { codingGuid: q.codingGuid, text: 'We hebben nooit transformatiegelden gehad.' });
    expect(err).toMatchObject({ code: 'analysis.bad_quote_edit', message: expect.stringContaining('vierkante haken') });
    expect((await app.fail('analysis.omitQuotes', { codingGuids: [12], omitted: true })).code).toBe('invalid_input');
    expect((await app.fail('analysis.omitQuotes', { codingGuids: ['00000000-0000-4000-8000-000000000000'], omitted: true })).code).toBe('entity.not_found');
    expect(app.session.requireProject().sqlite.prepare('SELECT COUNT(*) FROM report_quotes').pluck().get()).toBe(0);
    // A marked substitution is a decision like any other.
    await app.ok('analysis.editQuote', { codingGuid: q.codingGuid, text: '[Wij] hebben ons project nu twee jaar kunnen draaien op transformatiegelden …' });
    expect(quotes(await app.ok<ReportModel>('analysis.report')).find((x) => x.codingGuid === q.codingGuid)!.text).toMatch(/^\[Wij\] hebben/);
    expect(history(app.session).at(-1)!.label).toBe('analysis.history.report.substituted');
  });

  it('an edit made on a passage that changed since is never exported as the full text: stale in the preview, left out of the export', async () => {
    const path = exampleFile();
    const app = await open(path);
    tmp.defer(() => app.close());
    const q = quotes(await app.ok<ReportModel>('analysis.report')).find((x) => x.text.includes('transformatiegelden'))!;
    const short = '… kunnen draaien op transformatiegelden …';
    await app.ok('analysis.editQuote', { codingGuid: q.codingGuid, text: short });
    // The coder widens the coding by one word: the shortened version no longer matches what is coded.
    const db = app.session.requireProject();
    const coding = db.sqlite.prepare('SELECT id, start, "end" AS "end" FROM codings WHERE guid = ?').get(q.codingGuid) as { id: number; start: number; end: number };
    await app.ok('codings.update', { id: coding.id, end: coding.end + 4 });
    const preview = quotes(await app.ok<ReportModel>('analysis.report')).find((x) => x.codingGuid === q.codingGuid)!;
    expect(preview).toMatchObject({ status: 'stale', staleEdit: short });
    expect((await app.ok<ReportModel>('analysis.report')).decisions.stale).toBe(1);
    const dir = tmp.dir();
    await app.ok('analysis.exportReport', { format: 'md', path: join(dir, 'r.md') });
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(md).not.toContain('transformatiegelden, maar die stoppen');
    expect(md).not.toContain(short);
    // Shortened again: exported again.
    await app.ok('analysis.editQuote', { codingGuid: q.codingGuid, text: short });
    await app.ok('analysis.exportReport', { format: 'md', path: join(dir, 'r2.md') });
    expect(readFileSync(join(dir, 'r2.md'), 'utf8')).toContain(short);
  });

  it('decisions follow the coding by GUID: a new coding that gets a deleted coding\'s row id does not inherit them', async () => {
    const app = await open(exampleFile());
    tmp.defer(() => app.close());
    const db = app.session.requireProject();
    const last = db.sqlite.prepare('SELECT id, guid, source_id AS sourceId, code_id AS codeId, start, "end" AS "end" FROM codings ORDER BY id DESC LIMIT 1')
      .get() as { id: number; guid: string; sourceId: number; codeId: number; start: number; end: number };
    await app.ok('analysis.omitQuotes', { codingGuids: [last.guid], omitted: true });
    await app.ok('codings.remove', { ids: [last.id] });
    const [again] = await app.ok<number[]>('codings.apply', { sourceId: last.sourceId, codeId: last.codeId, ranges: [{ start: last.start, end: last.end }] });
    expect(again).toBe(last.id);
    await app.ok('codings.update', { id: again, isKeyQuote: true });
    await app.ok('analysis.setReportSettings', { keyQuotesOnly: false });
    const model = await app.ok<ReportModel>('analysis.report');
    const guid = db.sqlite.prepare('SELECT guid FROM codings WHERE id = ?').pluck().get(again) as string;
    expect(guid).not.toBe(last.guid);
    expect(model.decisions.omitted).not.toContain(guid);
  });

  it('`duiding report` and the app write the same report from the same stored decisions; flags apply to that run only', async () => {
    const path = exampleFile();
    const app = await open(path);
    const q = quotes(await app.ok<ReportModel>('analysis.report')).find((x) => x.text.includes('transformatiegelden'))!;
    await app.ok('analysis.editQuote', { codingGuid: q.codingGuid, text: '… op transformatiegelden, maar die stoppen volgend jaar …' });
    await app.ok('analysis.setReportSettings', { language: 'en', countsInWords: false, perspectiveLabels: { bestuurder: 'Executive (region)' } });
    const dir = tmp.dir();
    for (const f of ['md', 'html', 'csv'] as const) await app.ok('analysis.exportReport', { format: f, path: join(dir, `app.${f}`) });
    app.close();

    const io = { out: () => undefined, err: () => undefined };
    for (const f of ['md', 'html', 'csv'] as const) {
      expect(await runCli(['report', path, '--format', f, '--out', join(dir, `cli.${f}`)], io, { DUIDING_LANG: 'nl' })).toBe(0);
      expect(readFileSync(join(dir, `cli.${f}`), 'utf8'), f).toBe(readFileSync(join(dir, `app.${f}`), 'utf8'));
    }
    const md = readFileSync(join(dir, 'cli.md'), 'utf8');
    expect(md).toContain('… op transformatiegelden, maar die stoppen volgend jaar …');
    expect(md).toContain('— Executive (region)');
    expect(md).toMatch(/This came up with 1 of the 1 executives\./);

    // Flags: for this run only.
    expect(await runCli(['report', path, '--format', 'md', '--out', join(dir, 'flags.md'), '--lang', 'nl', '--structure', 'needs'], io)).toBe(0);
    expect(readFileSync(join(dir, 'flags.md'), 'utf8')).toMatch(/^\*Wat is nodig, per perspectief\*$/m);
    const again = await open(path);
    tmp.defer(() => again.close());
    expect(await again.ok<ReportSettings>('analysis.reportSettings')).toMatchObject({ language: 'en', structure: 'blocks', countsInWords: false });
  });
});
