// Validates exchange files against the official REFI-QDA schemas with a real
// XML Schema validator: xmllint from libxml2-utils (installed by .ci/run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PUBLIC_FIXTURES } from './public-fixtures.ts';

const publicFixture = (rel: string) => join(PUBLIC_FIXTURES, rel);

const SCHEMAS = {
  project: publicFixture('refi-qda-standard/Project.xsd'),
  codebook: publicFixture('refi-qda-standard/Codebook.xsd'),
};

/** xmllint's verdict: '' when valid, otherwise its messages. */
export function schemaErrors(xml: string, schema: keyof typeof SCHEMAS): string {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMAS[schema], '-'], { input: xml, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`xmllint is needed to validate exchange files (apt-get install libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? '' : r.stderr.trim() || `xmllint exited ${r.status}`;
}
