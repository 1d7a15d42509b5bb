// The pseudonymisation channels as the app calls them (issue 16 §7, §9):
// detection in a worker with progress events and cancel; apply with a key file
// outside the project; undo has nothing left to act on; and the automatic leak
// check: an export holding a known name is refused (nothing written) unless the
// call accepts the leaks, and after pseudonymisation the same export passes.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import type { Result } from '../../../src-shared/errors.ts';
import type { FindingsFile, LeakPlace, PseudonymiseApplyResult, PseudonymiseStatus } from '../../../src-shared/contracts/pseudonymise.ts';

const tmp = useTmp('duiding-pseudo-ch-');

function app(leakCheck = true) {
  const dir = tmp.dir();
  const path = join(dir, 'project', 'Voorbeeld.duiding');
  mkdirSync(join(dir, 'project'));
  mkdirSync(join(dir, 'out'));
  createExampleProject(path).close();
  const session = new Session();
  const progress: number[] = [];
  session.subscribe((event, payload) => {
    if (event === 'pseudonymise.progress') progress.push((payload as { done: number }).done);
  });
  const dispatch = createDispatcher({ session, leakCheck });
  const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
    const r = (await dispatch(channel, payload)) as Result<T>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  const fail = async (channel: string, payload: unknown) => {
    const r = await dispatch(channel, payload);
    if (r.ok) throw new Error(`${channel} succeeded`);
    return r.error;
  };
  return { dir, path, out: join(dir, 'out'), session, progress, ok, fail, dispatch };
}

describe('pseudonymise channels', () => {
  it('detects in a worker with progress, applies with a key file, and exports pass the leak check afterwards', async () => {
    const a = app();
    await a.ok('project.open', { path: a.path });
    const sources = await a.ok<unknown[]>('sources.list', {});
    const findings = await a.ok<FindingsFile>('pseudonymise.detect', {});
    expect(a.progress.at(-1)).toBe(sources.length);
    // A place named in a transcript (not a learning region, which is a study attribute the sheet must carry).
    const place = findings.groups.find((g) => g.text === 'Amsterdam')!;
    expect(place.occurrences[0]!.context).toContain(`[${place.text}]`);

    // Before pseudonymising: the attribute sheet names the participants → refused, nothing written.
    const sheet = join(a.out, 'kenmerken.csv');
    // An older file at the target stays exactly as it was when the export is refused.
    writeFileSync(sheet, 'oude inhoud');
    const refused = await a.fail('exchange.attributesExport', { path: sheet });
    expect(refused.code).toBe('pseudonymise.leaks');
    expect(refused.message).toContain('kenmerken.csv');
    const places = JSON.parse(String(refused.params?.leaks)) as LeakPlace[];
    expect(places.some((p) => p.text.includes('Marieke'))).toBe(true);
    expect(readdirSync(a.out)).toEqual(['kenmerken.csv']);
    expect(readFileSync(sheet, 'utf8')).toBe('oude inhoud');
    // The user continues: written, and no temporary file stays behind.
    expect(await a.ok<{ path: string }>('exchange.attributesExport', { path: sheet, acceptLeaks: true })).toMatchObject({ path: sheet });
    expect(readdirSync(a.out)).toEqual(['kenmerken.csv']);
    expect(readFileSync(sheet, 'utf8')).toContain('Marieke Hoekstra');

    // A key inside the project's folder is refused before anything changes.
    const confirmed = { ...findings, groups: findings.groups.map((g) => ({ ...g, confirmed: g === place })) };
    expect((await a.fail('pseudonymise.apply', { findings: confirmed, keyPath: join(a.dir, 'project', 'k.key'), passphrase: 'lang genoeg wachtwoord' })).code).toBe('pseudonymise.key_inside_project');
    expect((await a.ok<PseudonymiseStatus>('pseudonymise.status', {})).runs).toEqual([]);

    const keyPath = join(a.out, 'sleutel.key');
    const backupPath = join(a.out, 'kopie.duiding');
    const applied = await a.ok<PseudonymiseApplyResult>('pseudonymise.apply', { findings: confirmed, keyPath, passphrase: 'lang genoeg wachtwoord', backupPath, memos: true });
    expect(applied.replacements).toBeGreaterThan(0);
    expect(applied.codings.after).toBe(applied.codings.before);
    expect(existsSync(keyPath) && existsSync(backupPath)).toBe(true);
    const status = await a.ok<PseudonymiseStatus>('pseudonymise.status', {});
    expect(status).toMatchObject({ keyLoaded: true, runs: [{ replacements: applied.replacements }] });
    // Undo across the purge has nothing to act on.
    expect(await a.ok('history.undo', {})).toBeNull();

    // The same export now passes without accepting anything, and so do a report and a QDPX export.
    await a.ok('exchange.attributesExport', { path: join(a.out, 'na.csv') });
    await a.ok('analysis.exportReport', { format: 'docx', path: join(a.out, 'rapport.docx') });
    expect(await a.ok<LeakPlace[]>('pseudonymise.leakCheck', { paths: [join(a.out, 'rapport.docx'), join(a.out, 'na.csv')] })).toEqual([]);
    // The QDPX carries the attribute definitions, where "Amsterdam" is still a choice of an attribute:
    // the check points at it (the key's original) instead of letting it through.
    const qdpx = await a.fail('exchange.qdpxExport', { path: join(a.out, 'project.qdpx') });
    expect(JSON.parse(String(qdpx.params?.leaks))).toEqual([expect.objectContaining({ text: 'Amsterdam', source: 'key', category: 'place' })]);
    expect(existsSync(join(a.out, 'project.qdpx'))).toBe(false);
    // The export from before pseudonymising still holds the originals of the key.
    const old = await a.ok<LeakPlace[]>('pseudonymise.leakCheck', { paths: [sheet] });
    expect(old.filter((l) => l.source === 'key').map((l) => l.text)).toContain('Marieke Hoekstra');

    // A fresh session loads the key with its passphrase; a wrong one is told apart.
    a.session.close();
    const b = app();
    await b.ok('project.open', { path: a.path });
    expect((await b.fail('pseudonymise.loadKey', { path: keyPath, passphrase: 'verkeerd wachtwoord' })).code).toBe('pseudonymise.key_passphrase');
    expect(await b.ok('pseudonymise.loadKey', { path: keyPath, passphrase: 'lang genoeg wachtwoord' })).toMatchObject({ entries: expect.any(Number) });
    const again = await b.ok<FindingsFile>('pseudonymise.detect', {});
    expect(again.groups.find((g) => g.text === place.text)).toBeUndefined();
    b.session.close();
  }, 120_000);

  it('cancel stops a running detection with a clear error; the CLI dispatcher writes exports unchecked', async () => {
    const a = app();
    await a.ok('project.open', { path: a.path });
    const running = a.dispatch('pseudonymise.detect', {});
    await a.ok('pseudonymise.cancel', {});
    const r = await running;
    expect(r).toMatchObject({ ok: false, error: { code: 'pseudonymise.cancelled' } });
    // A file the leak check cannot read is named, not "something unexpected".
    const missing = await a.fail('pseudonymise.leakCheck', { paths: [join(a.out, 'weg.docx')] });
    expect(missing).toMatchObject({ code: 'import.unreadable', message: expect.stringContaining('weg.docx') });
    a.session.close();

    const cli = app(false);
    await cli.ok('project.open', { path: cli.path });
    await cli.ok('exchange.attributesExport', { path: join(cli.out, 'k.csv') });
    expect(readdirSync(cli.out)).toEqual(['k.csv']);
    cli.session.close();
  }, 60_000);
});
