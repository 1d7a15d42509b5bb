// Codebook exchange: the written .qdc validates against Codebook.xsd; a file's
// codebook merges by GUID, then by name under the same parent, in one undo step.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleProject } from '../../../src-main/example/build-example.ts';
import { importQdc, previewQdc, readQdcFile, writeCodebookQdc } from '../../../src-main/exchange/qdc.ts';
import { undo } from '../../../src-main/history/record.ts';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import { useTmp } from '../../helpers/tmp.ts';
import { schemaErrors } from '../../helpers/xsd.ts';
import { buildExchangeProject } from '../../helpers/exchange-project.ts';

const tmp = useTmp('duiding-qdc-');

describe('QDC codebooks', () => {
  it('exports a codebook that validates against Codebook.xsd, in both languages', () => {
    const db = tmp.track(buildExchangeProject(join(tmp.dir(), 'p.duiding'), 1));
    for (const language of ['nl', 'en'] as const) {
      const { xml, codes } = writeCodebookQdc(db, language, createI18n(language).t);
      expect(codes).toBeGreaterThan(30);
      expect(schemaErrors(xml, 'codebook')).toBe('');
      expect(xml).toContain(language === 'nl' ? 'Wel coderen: Alles wat nieuw is.\nOok op twee regels.' : 'Include: Alles wat nieuw is.');
    }
  });

  it('merges a foreign codebook (other namespace, RGB and alpha colours, flat names) without duplicates, undone in one step', () => {
    const dir = tmp.dir();
    const db = tmp.track(createExampleProject(join(dir, 'v.duiding')));
    const existingGuid = db.sqlite.prepare("SELECT guid FROM codes WHERE name = 'Lerend vermogen'").pluck().get() as string;
    const file = join(dir, 'extern.qdc');
    writeFileSync(file, `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti 23.4.0">
  <Codes>
    <Code guid="{${existingGuid.toUpperCase()}}" name="Leervermogen (andere naam)" isCodable="true" color="#F00"/>
    <Code guid="11111111-2222-3333-4444-555555555555" name="Bekostiging en financiering" isCodable="false"/>
    <Code guid="11111111-2222-3333-4444-555555555556" name="Nieuw::Kind A" isCodable="true" color="rgb(10, 20, 30)"><Description>Een definitie.</Description></Code>
    <Code guid="11111111-2222-3333-4444-555555555557" name="Nieuw::Kind B" isCodable="true" color="#80FF0000"/>
    <Code guid="11111111-2222-3333-4444-555555555558" name="Nieuw::Kind B" isCodable="true"/>
  </Codes>
  <Sets><Set guid="11111111-2222-3333-4444-555555555559" name="Groep"><MemberCode guid="11111111-2222-3333-4444-555555555556"/></Set></Sets>
</CodeBook>`);
    const read = readQdcFile(file);
    const before = db.sqlite.prepare('SELECT COUNT(*) FROM codes').pluck().get() as number;
    const preview = previewQdc(db, read, true);
    expect(preview).toMatchObject({ matchedByGuid: 1, matchedByName: 1, created: 3, namesHoldHierarchy: true });
    expect(preview.lost.map((l) => l.kind).sort()).toEqual(['notCodable', 'set']);
    expect(preview.codes.find((c) => c.name === 'Nieuw')).toEqual({
      name: 'Nieuw', status: 'new', children: [{ name: 'Kind A', status: 'new', children: [] }, { name: 'Kind B', status: 'new', children: [] }],
    });
    expect(importQdc(db, read, true, null)).toEqual({ created: 3, matched: 2 });
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codes').pluck().get()).toBe(before + 3);
    const kids = db.sqlite.prepare("SELECT c.name, c.color, c.definition FROM codes c JOIN codes p ON p.id = c.parent_id WHERE p.name = 'Nieuw' ORDER BY c.sort_order").all();
    expect(kids).toEqual([{ name: 'Kind A', color: '#0a141e', definition: 'Een definitie.' }, { name: 'Kind B', color: '#ff0000', definition: '' }]);
    // The existing code kept its name and colour.
    expect(db.sqlite.prepare('SELECT name FROM codes WHERE guid = ?').pluck().get(existingGuid)).toBe('Lerend vermogen');
    // Importing again changes nothing: all six codes of the file (the made folder too) are there.
    expect(importQdc(db, read, true, null)).toEqual({ created: 0, matched: 6 });
    undo(db);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM codes').pluck().get()).toBe(before);
  });
});
