// Duiding → QDPX → Duiding gives the same study: texts, codebook, codings
// (same words, same coders), memos, participants, attribute values, turns,
// key quotes and comparison tags. Every written project.qde validates against
// the official Project.xsd.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { openProjectDb, type ProjectDb } from '../../../src-main/db/open.ts';
import { exportQdpx } from '../../../src-main/exchange/qdpx-export.ts';
import { readQdpxFile } from '../../../src-main/exchange/qdpx-read.ts';
import { planImport } from '../../../src-main/exchange/plan.ts';
import { writePlan } from '../../../src-main/exchange/qdpx-import.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import { useTmp } from '../../helpers/tmp.ts';
import { schemaErrors } from '../../helpers/xsd.ts';
import { snapshot } from '../../helpers/project-snapshot.ts';
import { buildExchangeProject } from '../../helpers/exchange-project.ts';

const tmp = useTmp('duiding-qdpx-');
const t = createI18n('nl').t;

async function roundTrip(db: ProjectDb, dir: string): Promise<{ copy: ProjectDb; qde: string }> {
  const file = join(dir, 'uit.qdpx');
  const result = await exportQdpx(db, file, { language: 'nl', t });
  expect(result.bytes).toBeGreaterThan(0);
  const entries = unzipSync(readFileSync(file));
  const qde = strFromU8(entries['project.qde']!);
  expect(schemaErrors(qde, 'project')).toBe('');
  const plan = planImport(readQdpxFile(file), { hierarchyFromNames: false });
  expect(plan.lost.entries()).toEqual([]);
  const imported = await writePlan(plan, join(dir, 'terug.duiding'), { t });
  return { copy: tmp.track(openProjectDb(imported.path)), qde };
}

describe('QDPX round trip', () => {
  it('keeps the example project whole', async () => {
    const dir = tmp.dir();
    const db = tmp.track(createExampleProject(join(dir, 'voorbeeld.duiding')));
    const { copy } = await roundTrip(db, dir);
    const skip = /^Importverslag /;
    expect(snapshot(copy, { skipMemoTitles: skip })).toEqual(snapshot(db));
    // The loss report is in the journal of the new project.
    const report = copy.sqlite.prepare("SELECT plain FROM memos WHERE target_kind = 'project' AND title LIKE 'Importverslag %'").pluck().get() as string;
    expect(report).toContain('Niets: alles uit het bestand staat in dit project.');
  });

  it('keeps emoji, combining accents, overlapping codings, memos on every target, tags and every attribute type', async () => {
    const dir = tmp.dir();
    const db = tmp.track(buildExchangeProject(join(dir, 'gen.duiding')));
    const { copy, qde } = await roundTrip(db, dir);
    const before = snapshot(db);
    const after = snapshot(copy, { skipMemoTitles: /^Importverslag / });
    expect(after.codings.length).toBeGreaterThan(40);
    expect(after).toEqual(before);
    // Positions in the file are code points: the first coding after an emoji sits lower than its UTF-16 offset.
    expect(qde).toContain('origin="Duiding ');
    // Same GUIDs, so a later codebook merge recognises the codes.
    const guids = (d: ProjectDb, table: string) => d.sqlite.prepare(`SELECT guid FROM ${table} ORDER BY guid`).pluck().all();
    for (const table of ['codes', 'sources', 'codings', 'participants', 'users', 'attributes']) expect(guids(copy, table)).toEqual(guids(db, table));
  });

  it('writes code-point positions: a selection after an emoji is one lower than its UTF-16 offset', async () => {
    const dir = tmp.dir();
    const db = tmp.track(buildExchangeProject(join(dir, 'gen.duiding'), 1));
    const file = join(dir, 'uit.qdpx');
    await exportQdpx(db, file, { language: 'nl', t });
    const qde = strFromU8(unzipSync(readFileSync(file))['project.qde']!);
    const text = db.sqlite.prepare('SELECT text FROM sources').pluck().get() as string;
    const coding = db.sqlite.prepare('SELECT guid, start, "end" FROM codings WHERE start > ? ORDER BY start LIMIT 1').get(text.indexOf('👍🏽')) as { guid: string; start: number; end: number };
    const selection = new RegExp(`startPosition="(\\d+)" endPosition="(\\d+)"[^>]*>(?:<Description>[^<]*</Description>)?<Coding guid="${coding.guid}"`).exec(qde);
    expect(selection).not.toBeNull();
    expect(Number(selection![1])).toBe([...text.slice(0, coding.start)].length);
    expect(Number(selection![1])).toBe(coding.start - 2);
    writeFileSync(join(dir, 'project.qde'), qde);
  });
});
