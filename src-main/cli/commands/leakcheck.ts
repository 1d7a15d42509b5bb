// duiding leakcheck PROJECT FILE... [--key K --passphrase-file F] [--json]
// (issue 16 §7, §8): looks in export files for names the project knows and,
// with the key, for every original it replaced. Exit 1 with the places when
// anything leaks.
import { basename, resolve } from 'node:path';
import { call, UsageError } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { DomainError } from '../../../src-shared/errors.ts';
import { exportText, findLeaks, leakNeedles, type Leak } from '../../pseudonymise/leakcheck.ts';
import { readKeyFile, type KeyContent } from '../../pseudonymise/key-file.ts';
import { failure, readPassphrase } from './pseudonymise.ts';

export const leakcheckCommand: CliCommand = {
  name: 'leakcheck',
  options: {
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const [project, ...files] = positionals;
    if (!project) throw new UsageError(io.t('cli.missingArgument', { what: 'PROJECT' }));
    if (files.length === 0) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    let key: KeyContent | null = null;
    try {
      if (typeof values.key === 'string') key = readKeyFile(values.key, readPassphrase(io, values['passphrase-file']));
    } catch (err) {
      failure(io, err);
    }
    await call(io, 'project.open', { path: resolve(project) });
    const needles = leakNeedles(io.session.requireProject(), key);
    const leaks: Leak[] = [];
    let unreadable = 0;
    for (const file of files) {
      let found: Leak[];
      try {
        found = findLeaks(file, await exportText(file), needles);
      } catch (err) {
        unreadable++;
        const detail = err instanceof DomainError ? io.t(`errors.${err.code}`, err.params as Record<string, string>) : (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.name : 'error');
        io.err(io.t('pseudonymise.cli.leakUnreadable', { file, detail }));
        continue;
      }
      leaks.push(...found);
      if (values.json) continue;
      if (found.length === 0) io.out(io.t('pseudonymise.cli.leakNone', { file: basename(file) }));
      for (const l of found) {
        const why = l.source === 'key' ? io.t('pseudonymise.cli.whyKey', { category: io.t(`pseudonymise.category.${l.category}`) }) : io.t('pseudonymise.cli.whyKnown');
        io.out(io.t('pseudonymise.cli.leakFound', { file: basename(file), text: l.text, why, count: l.count, where: l.where.join(', ') }));
      }
    }
    if (values.json) io.out(JSON.stringify({ leaks }, null, 2));
    else if (leaks.length > 0) io.out(io.t('pseudonymise.cli.leaks', { count: leaks.length }));
    return leaks.length > 0 || unreadable > 0 ? 1 : 0;
  },
};
