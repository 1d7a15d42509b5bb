// Every public REFI-QDA fixture imports without error, through the same
// dispatch the app uses (the file is read in a worker), with its loss report.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';
import { openProjectDb } from '../../../src-main/db/open.ts';
import type { QdpxImportResult, QdpxPreview } from '../../../src-shared/contracts/exchange.ts';
import type { Result } from '../../../src-shared/errors.ts';
import { useTmp } from '../../helpers/tmp.ts';
import { PUBLIC_FIXTURES } from '../../helpers/public-fixtures.ts';

const tmp = useTmp('duiding-qdpx-fixtures-');

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

function setup() {
  const session = tmp.track(new Session());
  const events: unknown[] = [];
  session.subscribe((event, payload) => {
    if (event === 'exchange.progress') events.push(payload);
  });
  return { dispatch: createDispatcher({ session }), events };
}

async function importFixture(rel: string, hierarchyFromNames = false) {
  const { dispatch, events } = setup();
  const path = join(PUBLIC_FIXTURES, rel);
  const preview = ok<QdpxPreview>(await dispatch('exchange.qdpxPreview', { path, hierarchyFromNames }));
  const target = join(tmp.dir(), 'nieuw.duiding');
  const result = ok<QdpxImportResult>(await dispatch('exchange.qdpxImport', { token: preview.token, target, hierarchyFromNames }));
  const db = tmp.track(openProjectDb(target));
  return { preview, result, db, events };
}

const kinds = (entries: { kind: string }[]) => entries.map((e) => e.kind).sort();

describe('public REFI-QDA fixtures', () => {
  it('ATLAS.ti 8 standard project: codes, coders without the ATLAS.ti pseudo-user, notes, and a loss report of everything else', async () => {
    const { preview, result, db } = await importFixture('atlasti8-standard-project/TestProject.qdpx');
    expect(preview.origin).toMatch(/^ATLAS\.ti 8\.4/);
    expect(preview.coders).toEqual(['Friedrich Markgraf', 'Sebastian Petrausch']);
    expect(preview.namesHoldHierarchy).toBe(true);
    expect(kinds(preview.lost)).toEqual(kinds([
      { kind: 'set' }, { kind: 'richText' }, { kind: 'missingSourceText' }, { kind: 'codingOnMissingText' }, { kind: 'link' }, { kind: 'pdfSource' },
      { kind: 'pdfSelection' }, { kind: 'pictureSource' }, { kind: 'pictureSelection' }, { kind: 'audioSource' }, { kind: 'videoSource' },
      { kind: 'mediaSelection' }, { kind: 'otherCoding' }, { kind: 'graph' },
    ]));
    expect(preview.lost.find((l) => l.kind === 'set')!.detail).toContain('gender: male');
    expect(preview.changes.find((c) => c.kind === 'pseudoUser')!.detail).toBe('ATLAS.ti');
    expect(result.counts).toMatchObject({ codes: 14, sources: 0, codings: 0, notes: 2 });
    expect(db.sqlite.prepare('SELECT name FROM users ORDER BY name').pluck().all()).toEqual(['Friedrich Markgraf', 'Sebastian Petrausch']);
    // Flat names stay flat unless asked; "&quot;rushed&quot;" is decoded; colours are normalised.
    expect(db.sqlite.prepare("SELECT color FROM codes WHERE name = 'Coke::diet Coke'").pluck().get()).toBe('#966450');
    expect(db.sqlite.prepare("SELECT COUNT(*) FROM codes WHERE name = '\"rushed\"'").pluck().get()).toBe(1);
    expect(db.sqlite.prepare("SELECT definition FROM codes WHERE name = 'cornflakes'").pluck().get()).toBe('breakfast cereal made by Kellogg’s');
    // Notes become journal memos; the loss report is one more, and lists the losses.
    const memos = db.sqlite.prepare("SELECT title, plain FROM memos WHERE target_kind = 'project' ORDER BY id").all() as { title: string; plain: string }[];
    expect(memos.map((m) => m.title)).toEqual(['Research Plan', 'My favorite Coke ad', 'Importverslag TestProject.qdpx']);
    expect(memos[0]!.plain).toBe('day to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers.');
    expect(memos[2]!.plain).toContain('netwerk (graaf): Netzwerk');
    expect(memos[2]!.plain).toContain('bron zonder tekst in het bestand');
  });

  it('ATLAS.ti: with --hierarchy-from-names, "Coke::diet Coke" becomes "diet Coke" under "Coke"', async () => {
    const { preview, db } = await importFixture('atlasti8-standard-project/TestProject.qdpx', true);
    const coke = preview.codebook.find((c) => c.name === 'Coke')!;
    expect(coke.children.map((c) => c.name).sort()).toEqual(['diet Coke', 'full-fat Coke']);
    const parent = db.sqlite.prepare("SELECT p.name FROM codes c JOIN codes p ON p.id = c.parent_id WHERE c.name = 'diet Coke'").pluck().get();
    expect(parent).toBe('Coke');
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codes').pluck().get()).toBe(14);
  });

  it('the bare Project.qde of the same export reads too', async () => {
    const { result } = await importFixture('atlasti8-standard-project/Project.qde');
    expect(result.counts.codes).toBe(14);
  });

  it('NVivo for Mac 15: 262 nested codes, both users, lower-case sources/, stored entries, one-line XML', async () => {
    const { preview, result, db } = await importFixture('qc-and-nvivo-mac-qdpx/nvivo_project.qdpx');
    expect(preview.origin).toBe('NVivo for Mac 15.0.0');
    expect(result.counts).toMatchObject({ codes: 262, sources: 2, users: 2 });
    expect(preview.sources.every((s) => s.unit === 'utf16')).toBe(true);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codes WHERE parent_id IS NOT NULL').pluck().get()).toBeGreaterThan(200);
    expect(kinds(preview.lost)).toEqual(['richText']);
  });

  it('qc demo: its 158 selections land on the line each one names, 205 codings by cp', async () => {
    const { preview, result, db, events } = await importFixture('qc-and-nvivo-mac-qdpx/demo.qdpx');
    expect(result.counts).toMatchObject({ codes: 262, sources: 2, codings: 205, users: 1 });
    const board = preview.sources.find((s) => s.name === 'board_2017.txt')!;
    expect(board).toMatchObject({ checked: 158, matched: 158, unit: 'codepoints' });
    // The stored text of every coding is the line its selection names ("line:N", 0-based) in the original file.
    const { unzipSync } = await import('fflate');
    const raw = new TextDecoder().decode(unzipSync(readFileSync(join(PUBLIC_FIXTURES, 'qc-and-nvivo-mac-qdpx/demo.qdpx')))['sources/board_2017.txt']!);
    const lines = raw.split('\n');
    const qde = new TextDecoder().decode(unzipSync(readFileSync(join(PUBLIC_FIXTURES, 'qc-and-nvivo-mac-qdpx/demo.qdpx')))['project.qde']!);
    const expected = new Map([...qde.matchAll(/name="line:(\d+)" startPosition="(\d+)"/g)].map((m) => [Number(m[2]), lines[Number(m[1])]!.trimEnd()]));
    const text = db.sqlite.prepare("SELECT text FROM sources WHERE name = 'board_2017.txt'").pluck().get() as string;
    const codings = db.sqlite.prepare("SELECT c.start, c.\"end\", u.name AS coder FROM codings c JOIN users u ON u.id = c.coder_id").all() as { start: number; end: number; coder: string }[];
    expect(codings).toHaveLength(205);
    const startsOfLines = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
    for (const c of codings) {
      const lineNo = startsOfLines.indexOf(c.start);
      expect(lineNo).toBeGreaterThanOrEqual(0);
      expect(text.slice(c.start, c.end).trimEnd()).toBe(lines[lineNo]!.trimEnd());
      expect(c.coder).toBe('cp');
    }
    expect(expected.size).toBe(158);
    expect(events.length).toBeGreaterThan(0);
  });
});
