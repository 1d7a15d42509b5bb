// Issue 10 §1: an export never lands on a project. Every writer channel and
// the CLI refuse the open project (under any spelling), its -wal/-shm/-journal
// and backup files, and any .duiding file — and leave the project as it was.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { openProjectDb } from '../../../src-main/db/open.ts';
import { isProtectedTarget } from '../../../src-main/files/write-target.ts';
import { ensureUser } from '../../../src-main/services/users.ts';
import { applyCoding } from '../../../src-main/services/coding-edit.ts';
import { fingerprint, useTmp } from '../../helpers/tmp.ts';

const tmp = useTmp('duiding-protect-');
const BIN = fileURLToPath(new URL('../../../bin/duiding.mjs', import.meta.url));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

function counts(path: string) {
  const db = openProjectDb(path);
  try {
    return db.sqlite.prepare('SELECT (SELECT count(*) FROM codes) AS codes, (SELECT count(*) FROM codings) AS codings, (SELECT count(*) FROM sources) AS sources').get();
  } finally {
    db.close();
  }
}

function codedIds(session: Session): number[] {
  return session.requireProject().sqlite.prepare('SELECT DISTINCT code_id FROM codings LIMIT 5').pluck().all() as number[];
}

/** A folder with the example project and the spellings an export target could use for it. */
function layout() {
  const dir = tmp.dir();
  const project = join(dir, 'p.duiding');
  const db = createExampleProject(project);
  // A second coder (for the agreement workbook) who coded the same passages.
  const second = ensureUser(db, 'Tweede codeur');
  const existing = db.sqlite.prepare('SELECT source_id AS sourceId, code_id AS codeId, start, "end" FROM codings').all() as { sourceId: number; codeId: number; start: number; end: number }[];
  for (const c of existing) applyCoding(db, { sourceId: c.sourceId, codeId: c.codeId, ranges: [{ start: c.start, end: c.end }], coderId: second });
  db.close();
  mkdirSync(join(dir, 'sub'));
  symlinkSync(project, join(dir, 'link.docx'));
  linkSync(project, join(dir, 'hard.csv'));
  writeFileSync(join(dir, 'p.duiding.backup-v7-2026-01-01T00-00-00-000Z'), 'old');
  const targets = {
    itself: project,
    dotSlash: `${dir}/./p.duiding`,
    dotDot: `${dir}/sub/../p.duiding`,
    symlink: join(dir, 'link.docx'),
    hardLink: join(dir, 'hard.csv'),
    wal: `${project}-wal`,
    shm: `${project}-shm`,
    journal: `${project}-journal`,
    backup: join(dir, 'p.duiding.backup-v7-2026-01-01T00-00-00-000Z'),
    newBackupName: `${project}.backup-v8-later`,
    otherProject: join(dir, 'ander.duiding'),
    otherProjectUpper: join(dir, 'ANDER.DUIDING'),
  };
  return { dir, project, targets };
}

type Call = [channel: string, payload: (path: string, codeIds: number[]) => unknown];
const CALLS: Call[] = [
  ['segments.export', (path, codeIds) => ({ codeIds, format: 'csv', path })],
  ['segments.export', (path, codeIds) => ({ codeIds, format: 'xlsx', path })],
  ['analysis.exportReport', (path) => ({ overrides: {}, format: 'docx', path })],
  ['analysis.exportReport', (path) => ({ overrides: {}, format: 'pdf', path })],
  ['analysis.exportReport', (path) => ({ overrides: {}, format: 'csv', path })],
  ['analysis.saveChart', (path) => ({ format: 'svg', data: SVG, path })],
  ['agreement.exportXlsx', (path) => ({ coders: ['Onderzoeker', 'Tweede codeur'], path })],
];

describe('exports never write over a project (dispatch)', () => {
  it('every writer channel refuses the open project, its companions and any .duiding file; nothing changes', async () => {
    const { dir, project, targets } = layout();
    const session = tmp.track(new Session());
    let printed = 0;
    const dispatch = createDispatcher({
      session,
      onInternalError: (_c, err) => { throw err; },
      printPdf: async () => {
        printed += 1;
        throw new Error('the printer must not be reached');
      },
    });
    const before = { files: readdirSync(dir).sort(), project: fingerprint(project), counts: counts(project) };
    expect((await dispatch('project.open', { path: project })).ok).toBe(true);

    for (const [channel, payload] of CALLS) {
      for (const [spelling, target] of Object.entries(targets)) {
        const result = await dispatch(channel, payload(target, codedIds(session)));
        expect(result.ok, `${channel} ${spelling}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${channel} ${spelling}`).toBe('files.project_target');
          expect(result.error.message).toMatch(/Duiding-project.*nooit overschreven/);
        }
      }
    }
    expect(printed).toBe(0);
    session.close();
    expect(readdirSync(dir).sort()).toEqual(before.files);
    expect(fingerprint(project).sha256).toBe(before.project.sha256);
    expect(counts(project)).toEqual(before.counts);
  });

  it('the same exports to an ordinary file next to it succeed (the guard is not a blanket refusal)', async () => {
    const { dir, project } = layout();
    const session = tmp.track(new Session());
    const dispatch = createDispatcher({ session, language: () => 'en', printPdf: async () => new TextEncoder().encode('%PDF-1.4 fake') });
    expect((await dispatch('project.open', { path: project })).ok).toBe(true);
    for (const [i, [channel, payload]] of CALLS.entries()) {
      const result = await dispatch(channel, payload(join(dir, `out-${i}.bin`), codedIds(session)));
      expect(result, channel).toMatchObject({ ok: true });
    }
    // English message for the refusal.
    const refused = await dispatch('segments.export', { codeIds: codedIds(session), format: 'csv', path: project });
    expect(refused).toMatchObject({ ok: false, error: { code: 'files.project_target' } });
    if (!refused.ok) expect(refused.error.message).toContain('p.duiding is a Duiding project');
  });

  it('the guard knows names beyond the open project', () => {
    const { dir } = layout();
    expect(isProtectedTarget(join(dir, 'x.Duiding'))).toBe(true);
    expect(isProtectedTarget(join(dir, 'x.duiding-wal'))).toBe(true);
    expect(isProtectedTarget(join(dir, 'x.duiding.backup-v1-2020'))).toBe(true);
    expect(isProtectedTarget(join(dir, 'x.duiding.docx'))).toBe(false);
    expect(isProtectedTarget(join(dir, 'duiding.csv'))).toBe(false);
    // A symlink with an innocent name that points at a (closed) project file.
    symlinkSync(join(dir, 'p.duiding'), join(dir, 'innocent.xlsx'));
    expect(isProtectedTarget(join(dir, 'innocent.xlsx'))).toBe(true);
  });
});

function duiding(cwd: string, args: string[]) {
  const { DUIDING_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('duiding report never writes over a project (CLI)', () => {
  it('refuses --out on the project itself, its WAL, a symlink to it and another project; exit 1, project intact', () => {
    const { dir, project } = layout();
    symlinkSync(project, join(dir, 'rapport.docx'));
    const before = { files: readdirSync(dir).sort(), sha: fingerprint(project).sha256, counts: counts(project) };
    for (const out of ['p.duiding', './p.duiding', 'p.duiding-wal', 'rapport.docx', 'nieuw.duiding']) {
      const r = duiding(dir, ['report', 'p.duiding', '--format', 'docx', '--out', out]);
      expect(r.code, out).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr, out).toMatch(/is een Duiding-project .* wordt nooit overschreven/);
    }
    expect(readdirSync(dir).sort()).toEqual(before.files);
    expect(fingerprint(project).sha256).toBe(before.sha);
    expect(counts(project)).toEqual(before.counts);
    // And the normal case still works.
    const ok = duiding(dir, ['report', 'p.duiding', '--format', 'docx', '--out', 'echt-rapport.docx']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
  });
});
