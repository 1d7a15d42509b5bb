// `node bench/run.ts --sources 100 --codings 5000 --keep /tmp/b.duiding && node bench/pseudonymise-apply.ts /tmp/b.duiding`:
// applies about 5,000 replacements (up to 50 per transcript of one word) with
// every coding re-anchored, and prints the time. Changes the project file.
import { openProjectDb } from '../src-main/db/open.ts';
import { applyFindings } from '../src-main/pseudonymise/apply.ts';
import { FINDINGS_FORMAT, type FindingsFile } from '../src-shared/contracts/pseudonymise.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: node bench/pseudonymise-apply.ts PROJECT');
const db = openProjectDb(path);
const sources = db.sqlite.prepare('SELECT guid, text, text_hash AS h FROM sources').all() as { guid: string; text: string; h: string }[];
const occurrences: { source: string; start: number; end: number }[] = [];
for (const s of sources) {
  let n = 0;
  for (const m of s.text.matchAll(/\bhuisarts\b/g)) {
    if (n++ >= 50) break;
    occurrences.push({ source: s.guid, start: m.index, end: m.index + m[0].length });
  }
}
const project = db.sqlite.prepare('SELECT guid FROM project').pluck().get() as string;
const findings: FindingsFile = {
  format: FINDINGS_FORMAT, version: 1, project,
  sources: Object.fromEntries(sources.map((s) => [s.guid, { textHash: s.h }])),
  groups: [{ text: 'huisarts', category: 'person', rules: [], confirmed: true, replacement: '[naam 1]', occurrences }],
};
const t = performance.now();
const r = applyFindings(db, findings);
process.stdout.write(`${occurrences.length} replacements in ${sources.length} transcripts, ${r.codings.before} codings (${r.codings.after} after, ${r.codings.lost} lost): ${(performance.now() - t).toFixed(0)} ms\n`);
db.close();
