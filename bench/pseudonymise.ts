// `node bench/pseudonymise.ts [--sources 500]`: detection quality on the
// annotated snippets (precision/recall per category) and detection speed over
// the synthetic bench corpus (bench/corpus.ts).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dutchLexicon } from '../src-main/pseudonymise/lexicon.ts';
import { createDetector } from '../src-main/pseudonymise/detect.ts';
import { parseAnnotated, score } from '../src-main/pseudonymise/annotated.ts';
import { makeTranscript } from './corpus.ts';

const { values } = parseArgs({ options: { sources: { type: 'string', default: '500' } } });
const set = parseAnnotated(readFileSync(new URL('../test/fixtures/pseudonymise/snippets.txt', import.meta.url), 'utf8'));
let t0 = performance.now();
const lexicon = dutchLexicon();
const lexiconMs = performance.now() - t0;
const detector = createDetector(set.known.map((name, i) => ({ entity: `k${i}`, name, kind: 'participant' as const })), lexicon);

process.stdout.write(`${`Annotated set: ${set.snippets.length} snippets, ${set.snippets.reduce((n, s) => n + s.gold.length, 0)} marked spans`}\n`);
process.stdout.write(`${'category          gold  pred  found  precision  recall'}\n`);
for (const s of score(set, (text) => detector.detect(text))) {
  // Predictions carry no "known" mark of their own: precision is scored under "person".
  const known = s.category === 'person (known)';
  process.stdout.write(`${`${s.category.padEnd(16)} ${String(s.gold).padStart(5)} ${(known ? '-' : String(s.predicted)).padStart(5)} ${String(s.truePositives).padStart(6)}  ${(known ? '-' : s.precision.toFixed(2)).padStart(9)}  ${s.recall.toFixed(2).padStart(6)}`}\n`);
}

const n = Number(values.sources);
const corpus = Array.from({ length: n }, (_, i) => makeTranscript(i));
const chars = corpus.reduce((sum, c) => sum + c.text.length, 0);
const corpusDetector = createDetector(corpus.flatMap((c, i) => c.speakers.map((s) => ({ entity: `s${i}-${s}`, name: s, kind: 'speaker' as const }))), lexicon);
t0 = performance.now();
let findings = 0;
for (const c of corpus) findings += corpusDetector.detect(c.text).length;
const ms = performance.now() - t0;
process.stdout.write(`${`\nLexicon load: ${lexiconMs.toFixed(0)} ms`}\n`);
process.stdout.write(`${`Detection over ${n} transcripts (${(chars / 1e6).toFixed(1)} M characters): ${ms.toFixed(0)} ms, ${findings} findings, one thread`}\n`);
