// duiding pseudonymise PROJECT --detect [--json] [--key EARLIER.key [--passphrase-file F]]
// duiding pseudonymise PROJECT --apply FINDINGS.json --key OUT.key [--passphrase-file F] [--memos]
// (issue 16 §8). --detect lists findings grouped by text; with --json it prints
// the findings file to review and give back to --apply. --apply replaces the
// confirmed findings, writes the encrypted key file (outside the project's
// folder) before anything is purged, then makes it final: history, search
// index, free pages and WAL no longer hold an original; an audit row remains.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call, CliFailure, UsageError, type CliIo } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { DomainError } from '../../../src-shared/errors.ts';
import { detectProject } from '../../pseudonymise/project.ts';
import { applyFindings, parseFindings } from '../../pseudonymise/apply.ts';
import { assertKeyOutsideProject, encryptKey, readKeyFile, writeKeyFile, type KeyContent } from '../../pseudonymise/key-file.ts';
import { purgeOriginals } from '../../pseudonymise/purge.ts';
import { ensureUser } from '../../services/users.ts';

/** A DomainError as the user's message; the CLI exits 1 with it. */
export function failure(io: CliIo, err: unknown): never {
  if (err instanceof DomainError) throw new CliFailure(io.t(`errors.${err.code}`, err.params as Record<string, string>));
  throw err;
}

/** The passphrase: first line of --passphrase-file, else of standard input. */
export function readPassphrase(io: CliIo, file: unknown): string {
  let text: string;
  try {
    text = readFileSync(typeof file === 'string' ? file : 0, 'utf8');
  } catch {
    throw new UsageError(io.t('pseudonymise.cli.noPassphrase'));
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line.length === 0) throw new UsageError(io.t('pseudonymise.cli.noPassphrase'));
  if (line.length < 8) throw new UsageError(io.t('pseudonymise.cli.shortPassphrase'));
  return line;
}

export const pseudonymiseCommand: CliCommand = {
  name: 'pseudonymise',
  options: {
    detect: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    apply: { type: 'string' },
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
    memos: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'PROJECT' }));
    if (!values.detect && typeof values.apply !== 'string') throw new UsageError(io.t('cli.missingArgument', { what: '--detect | --apply' }));
    if (typeof values.apply === 'string' && typeof values.key !== 'string') throw new UsageError(io.t('cli.missingArgument', { what: '--key' }));
    // Check the key path and read the passphrase before the project is touched.
    let passphrase = '';
    if (typeof values.apply === 'string') {
      try {
        assertKeyOutsideProject(values.key as string, file);
      } catch (err) {
        failure(io, err);
      }
      passphrase = readPassphrase(io, values['passphrase-file']);
    }
    // With --detect, a key of an earlier run keeps pseudonyms consistent for transcripts imported since.
    let earlier: KeyContent | undefined;
    if (values.detect && typeof values.key === 'string') {
      try {
        earlier = readKeyFile(values.key, readPassphrase(io, values['passphrase-file']));
      } catch (err) {
        failure(io, err);
      }
    }
    await call(io, 'project.open', { path: resolve(file) });
    const db = io.session.requireProject();
    try {
      if (values.detect) {
        const findings = detectProject(db, earlier ? { key: earlier } : {});
        if (values.json) {
          io.out(JSON.stringify(findings, null, 2));
          return 0;
        }
        const total = findings.groups.reduce((n, g) => n + g.occurrences.length, 0);
        io.out(io.t('pseudonymise.cli.detected', { count: total, sources: Object.keys(findings.sources).length }));
        for (const g of findings.groups) {
          io.out(io.t('pseudonymise.cli.group', {
            mark: io.t(g.confirmed ? 'pseudonymise.cli.confirmedMark' : 'pseudonymise.cli.openMark'),
            category: io.t(`pseudonymise.category.${g.category}`),
            text: g.text,
            count: g.occurrences.length,
            replacement: g.replacement,
          }));
        }
        io.out(io.t('pseudonymise.cli.reviewHint'));
        return 0;
      }
      const findingsPath = values.apply as string;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(findingsPath, 'utf8'));
      } catch (err) {
        throw new DomainError('pseudonymise.bad_findings', { file: findingsPath, detail: err instanceof SyntaxError ? 'JSON' : (err as NodeJS.ErrnoException).code ?? 'read' });
      }
      const findings = parseFindings(json, findingsPath);
      const userId = ensureUser(db, io.session.coder);
      const result = applyFindings(db, findings, { memos: Boolean(values.memos), authorId: userId });
      const projectGuid = db.sqlite.prepare('SELECT guid FROM project WHERE id = 1').pluck().get() as string;
      // The key is written before the purge: if writing fails, the one undo step can still take the replacement back.
      let fingerprint: string;
      try {
        fingerprint = writeKeyFile(values.key as string, encryptKey({ project: projectGuid, createdAt: new Date().toISOString(), entries: result.key }, passphrase));
      } catch (err) {
        const { undo } = await import('../../history/record.ts');
        undo(db);
        throw err;
      }
      purgeOriginals(db, { categories: result.categories, counts: result.counts, keyFingerprint: fingerprint, userId });
      const replacements = Object.values(result.counts).reduce((a, b) => a + b, 0);
      io.out(io.t('pseudonymise.cli.applied', { replacements, sources: Object.keys(result.counts).length, codings: result.codings.after, lost: result.codings.lost }));
      io.out(io.t('pseudonymise.cli.purged'));
      io.out(io.t('pseudonymise.cli.keyWritten', { file: values.key as string, fingerprint: fingerprint.slice(0, 16) }));
      return 0;
    } catch (err) {
      failure(io, err);
    }
  },
};
