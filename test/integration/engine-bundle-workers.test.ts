// The bundled engine (out/main/engine.js, what Electron's utility process runs)
// starts its own workers for import, QDPX reading, intercoder agreement, report
// rendering and pseudonymisation. Each finds its entry file beside the chunk that
// starts it (the report worker also writes the segments sheet); when the build put those chunks in a subfolder, every one of these
// failed in the built app while the harness and CLI, which run the sources, passed
// (found in issue 12 §1). Here each worker runs once from the bundle.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineClient, workerTransport } from '../../src-main/engine/client.ts';
import { createProject } from '../../src-main/services/project.ts';
import { addSource } from '../../src-main/sources/sources.ts';
import { addParticipant } from '../../src-main/participants/participants.ts';
import { resolveCode } from '../../src-main/cli/resolve.ts';
import type { Result } from '../../src-shared/errors.ts';
import { useTmp } from '../helpers/tmp.ts';
import { codeByAnnaAndBram } from '../helpers/two-coders.ts';

const BUILT_ENGINE = new URL('../../out/main/engine.js', import.meta.url);

const Q = 'Interviewer: Wat is er nodig in de wijk?';
const A = 'Marieke de Vries: Er is structurele financiering nodig, en meer tijd voor overleg met de huisarts.';

function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

describe.skipIf(!existsSync(BUILT_ENGINE))('workers started by the bundled engine', () => {
  const tmp = useTmp();

  it('QDPX reading, agreement, report rendering and pseudonymisation run from out/main', async () => {
    const dir = tmp.dir();
    const path = join(dir, 'p.duiding');
    const db = createProject(path, { template: 'jzojp', name: 'Bundel' });
    const text = `${Q}\n\n${A}`;
    const person = addParticipant(db, { name: 'Marieke de Vries', perspective: 'inwoner' });
    const turns = [
      { start: 0, end: Q.length, speakerLabel: 'Interviewer', isInterviewer: true },
      { start: Q.length + 2, end: text.length, speakerLabel: 'Marieke de Vries', participantId: person },
    ];
    const sources = [1, 2, 3].map((i) => addSource(db, { name: `Interview ${i}`, text, originalFormat: 'txt', turns }));
    const code = resolveCode(db, 'Wat is nodig/Structurele financiering')!;
    const x = text.indexOf('structurele');
    codeByAnnaAndBram(db, sources, code, x, 24);
    db.close();

    const logs: string[] = [];
    const client = new EngineClient({
      start: () => workerTransport(BUILT_ENGINE),
      language: () => 'nl',
      onEvent: () => undefined,
      onLog: (line) => logs.push(line),
    });
    try {
      data(await client.call('project.open', { path }));
      data(await client.call('session.setCoder', { name: 'Anna' }));

      // Agreement: the bootstrap intervals come from agreement-worker.js.
      const report = data<{ bootstrap: unknown; transcripts: number }>(await client.call('agreement.compute', { coders: ['Anna', 'Bram'], replicates: 20, seed: 1 }));
      expect(report.transcripts).toBe(3);
      expect(report.bootstrap).toEqual({ replicates: 20, seed: 1, confidence: 0.95 });

      // Report rendering: DOCX is rendered in report-worker.js.
      const docx = join(dir, 'rapport.docx');
      data(await client.call('analysis.exportReport', { format: 'docx', path: docx, acceptLeaks: true }));
      expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');

      // The segments sheet: XLSX is rendered in report-worker.js too.
      const sheet = join(dir, 'fragmenten.xlsx');
      const rows = data<{ rows: number }>(await client.call('segments.export', { codeIds: [code], format: 'xlsx', path: sheet }));
      expect(rows.rows).toBe(6);
      expect(readFileSync(sheet).subarray(0, 2).toString('latin1')).toBe('PK');

      // QDPX: written here, read back in exchange-worker.js.
      const qdpx = join(dir, 'uitwisseling.qdpx');
      data(await client.call('exchange.qdpxExport', { path: qdpx, language: 'nl', acceptLeaks: true }));
      const preview = data<{ sources: unknown[] }>(await client.call('exchange.qdpxPreview', { path: qdpx, language: 'nl' }));
      expect(preview.sources).toHaveLength(3);

      // Pseudonymisation: detection runs in pseudonymise-worker.js and finds the participant's name.
      const findings = data<{ groups: { text: string; occurrences: unknown[] }[] }>(await client.call('pseudonymise.detect', {}));
      expect(findings.groups.find((g) => g.text === 'Marieke de Vries')?.occurrences).toHaveLength(3);
    } finally {
      await client.close();
    }
    expect(logs).toEqual([]);
  });
});
