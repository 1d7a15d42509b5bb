// The renderer's dispatch accepts only files the user chose (path-grants.ts):
// which channels need which kind of choice, what grants them, and that a
// refused call never reaches dispatch. (The real dispatch behind it is
// exercised in main-lifecycle.test.ts and the e2e tests through the harness.)
import { describe, expect, it } from 'vitest';
import { PathGrants, withPathGrants, PATH_CHANNELS } from '../../../src-main/electron/path-grants.ts';
import { channels } from '../../../src-shared/contracts/index.ts';
import type { Result } from '../../../src-shared/errors.ts';

function setup(answers: Record<string, unknown> = {}) {
  const calls: [string, unknown][] = [];
  const dispatch = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
    calls.push([channel, payload]);
    return { ok: true, data: channel in answers ? answers[channel] : null };
  };
  const guarded = withPathGrants(dispatch, new PathGrants(), () => 'nl');
  return { guarded, calls };
}

describe('path grants', () => {
  it('every channel with a path field in its contract is guarded', () => {
    const withPaths = Object.entries(channels)
      .filter(([, def]) => {
        const shape = (def.input as { shape?: Record<string, unknown> }).shape ?? {};
        return 'path' in shape || 'paths' in shape;
      })
      .map(([name]) => name);
    // Plus the channels whose file fields have other names: the new project a REFI-QDA import writes,
    // and the key file (and optional backup copy) of a pseudonymisation.
    expect(Object.keys(PATH_CHANNELS).sort()).toEqual([...withPaths, 'exchange.qdpxImport', 'pseudonymise.apply'].sort());
  });

  it('refuses a path nobody chose, before dispatch, with a message that names the file', async () => {
    const { guarded, calls } = setup();
    const r = await guarded('analysis.exportReport', { overrides: {}, format: 'docx', path: '/home/r/Documenten/proefschrift.docx' });
    expect(r).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    if (!r.ok) expect(r.error.message).toContain('proefschrift.docx is niet geopend of geschreven');
    expect(calls).toEqual([]);
  });

  it('a dropped file may be imported (again and again), not written', async () => {
    const { guarded, calls } = setup();
    const file = '/home/r/interview 1.docx';
    expect(await guarded('import.preview', { paths: [file] }, [file])).toMatchObject({ ok: true });
    expect(await guarded('import.preview', { paths: [file], speakers: { kind: 'none' } })).toMatchObject({ ok: true });
    expect(await guarded('segments.export', { codeIds: [1], format: 'csv', path: file })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    // One dropped file does not open its neighbours.
    expect(await guarded('import.preview', { paths: [file, '/home/r/interview 2.docx'] })).toMatchObject({ ok: false });
    expect(calls.map(([c]) => c)).toEqual(['import.preview', 'import.preview']);
  });

  it('save dialogs grant one write; open dialogs, the import dialog, recent and example projects grant reads', async () => {
    const { guarded } = setup({
      'shell.saveFileDialog': '/r/rapport.pdf',
      'shell.newProjectDialog': '/r/nieuw.duiding',
      'shell.importFilesDialog': ['/r/a.txt', '/r/b.txt'],
      'shell.recentProjects': [{ path: '/r/oud.duiding', name: 'Oud', openedAt: '' }],
      'shell.exampleProjectPath': '/u/Voorbeeldproject.duiding',
      'shell.openProjectDialog': '/r/open.duiding',
    });
    for (const c of ['shell.saveFileDialog', 'shell.newProjectDialog', 'shell.importFilesDialog', 'shell.recentProjects', 'shell.exampleProjectPath', 'shell.openProjectDialog']) {
      await guarded(c, {});
    }
    expect(await guarded('analysis.exportReport', { path: '/r/rapport.pdf' })).toMatchObject({ ok: true });
    expect(await guarded('analysis.exportReport', { path: '/r/rapport.pdf' })).toMatchObject({ ok: false });
    expect(await guarded('project.new', { path: '/r/nieuw.duiding', template: 'empty' })).toMatchObject({ ok: true });
    expect(await guarded('import.preview', { paths: ['/r/a.txt', '/r/b.txt'] })).toMatchObject({ ok: true });
    for (const path of ['/r/oud.duiding', '/u/Voorbeeldproject.duiding', '/r/open.duiding']) {
      expect(await guarded('project.open', { path }), path).toMatchObject({ ok: true });
      expect(await guarded('project.saveAs', { path }), path).toMatchObject({ ok: false });
    }
    // A file the user chose to write may be opened afterwards (the new project of a REFI-QDA import), not written again.
    expect(await guarded('project.open', { path: '/r/nieuw.duiding' })).toMatchObject({ ok: true });
    expect(await guarded('project.saveAs', { path: '/r/nieuw.duiding' })).toMatchObject({ ok: false });
    // The same file under another spelling of the same folder is the same choice.
    expect(await guarded('project.open', { path: '/r/./sub/../open.duiding' })).toMatchObject({ ok: true });
  });

  it('a cancelled dialog grants nothing; a path the contract refuses gets the contract\'s message', async () => {
    const { guarded, calls } = setup({ 'shell.saveFileDialog': null });
    await guarded('shell.saveFileDialog', {});
    expect(await guarded('segments.export', { path: '/r/x.csv' })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    // NUL and relative paths pass to dispatch, whose contract answers invalid_input.
    await guarded('segments.export', { path: '/r/x\u0000.csv' });
    expect(calls.at(-1)).toEqual(['segments.export', { path: '/r/x\u0000.csv' }]);
  });
  it('team coding: the copy and the change file are written where the user chose, once; the merge reads the copies picked', async () => {
    const { guarded, calls } = setup({
      'shell.saveFileDialog': '/r/kopie Anna.duiding',
      'shell.openTeamFilesDialog': ['/r/kopie Anna.duiding', '/r/Bert.duiding-changes'],
    });
    expect(await guarded('team.makeCopy', { path: '/r/kopie Anna.duiding', coder: 'Anna' })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(await guarded('team.writeChanges', { path: '/r/Bert.duiding-changes' })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(await guarded('team.merge', { paths: ['/r/Bert.duiding-changes'], dryRun: true })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(calls).toEqual([]);
    await guarded('shell.saveFileDialog', {});
    expect(await guarded('team.makeCopy', { path: '/r/kopie Anna.duiding', coder: 'Anna' })).toMatchObject({ ok: true });
    expect(await guarded('team.makeCopy', { path: '/r/kopie Anna.duiding', coder: 'Anna' })).toMatchObject({ ok: false });
    await guarded('shell.openTeamFilesDialog', {});
    // Preview and merge both read the same choice; one file the user did not pick spoils the call.
    expect(await guarded('team.merge', { paths: ['/r/kopie Anna.duiding', '/r/Bert.duiding-changes'], dryRun: true })).toMatchObject({ ok: true });
    expect(await guarded('team.merge', { paths: ['/r/kopie Anna.duiding', '/r/Bert.duiding-changes'] })).toMatchObject({ ok: true });
    expect(await guarded('team.merge', { paths: ['/r/Bert.duiding-changes', '/etc/passwd'] })).toMatchObject({ ok: false });
    // A file chosen to read is not one chosen to write.
    expect(await guarded('team.writeChanges', { path: '/r/Bert.duiding-changes' })).toMatchObject({ ok: false });
  });

  it('pseudonymise.apply writes only a key file and a backup the user chose; a key is loaded only from a chosen file', async () => {
    const { guarded, calls } = setup({ 'shell.saveFileDialog': '/veilig/sleutel.key', 'shell.openFileDialog': '/veilig/oud.key' });
    const findings = { format: 'duiding-pseudonymise-findings', version: 1, project: 'p', sources: {}, groups: [] };
    const apply = { findings, keyPath: '/veilig/sleutel.key', passphrase: 'geheim wachtwoord' };
    expect(await guarded('pseudonymise.apply', apply)).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(await guarded('pseudonymise.loadKey', { path: '/veilig/oud.key', passphrase: 'geheim wachtwoord' })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    await guarded('shell.saveFileDialog', {});
    // A backup copy nobody chose is refused even with a chosen key path.
    expect(await guarded('pseudonymise.apply', { ...apply, backupPath: '/r/kopie.duiding' })).toMatchObject({ ok: false, error: { code: 'files.not_chosen', message: expect.stringContaining('kopie.duiding') } });
    expect(await guarded('pseudonymise.apply', apply)).toMatchObject({ ok: true });
    await guarded('shell.openFileDialog', {});
    expect(await guarded('pseudonymise.loadKey', { path: '/veilig/oud.key', passphrase: 'geheim wachtwoord' })).toMatchObject({ ok: true });
    expect(await guarded('pseudonymise.leakCheck', { paths: ['/etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
    expect(calls.map(([c]) => c)).toEqual(['shell.saveFileDialog', 'pseudonymise.apply', 'shell.openFileDialog', 'pseudonymise.loadKey']);
  });

  it('an export the leak check refused keeps its write grant (nothing was written); any other failure uses it up', async () => {
    let answer: Result<unknown> = { ok: false, error: { code: 'pseudonymise.leaks', message: 'lek' } };
    const grants = new PathGrants();
    const guarded = withPathGrants(async (channel) => (channel === 'shell.saveFileDialog' ? { ok: true, data: '/r/rapport.docx' } : answer), grants, () => 'nl');
    const report = { overrides: {}, format: 'docx', path: '/r/rapport.docx' };
    await guarded('shell.saveFileDialog', {});
    expect(await guarded('analysis.exportReport', report)).toMatchObject({ ok: false, error: { code: 'pseudonymise.leaks' } });
    answer = { ok: false, error: { code: 'internal', message: 'kapot' } };
    // Continue anyway: same place, no second dialog.
    expect(await guarded('analysis.exportReport', { ...report, acceptLeaks: true })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await guarded('analysis.exportReport', { ...report, acceptLeaks: true })).toMatchObject({ ok: false, error: { code: 'files.not_chosen' } });
  });
});
