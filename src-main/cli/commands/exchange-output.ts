// Shared output of the exchange commands: the language to ask for, and lists
// of lost or changed things in the same wording as the app's loss report.
import type { CliIo } from '../io.ts';
import type { LossEntry } from '../../../src-shared/contracts/exchange.ts';
import type { Language } from '../../../src-shared/i18n/catalog.ts';

export function cliLanguage(io: CliIo): Language {
  return io.t('cli.languageCode') === 'en' ? 'en' : 'nl';
}

export function printEntries(io: CliIo, entries: readonly LossEntry<string>[], group: 'loss' | 'change' | 'notExported', heading: string): void {
  if (entries.length === 0) return;
  io.out(io.t(heading));
  for (const e of entries) {
    const what = io.t(`exchange.${group}.${e.kind}`);
    io.out(`  ${e.count} × ${what}${e.detail ? `: ${e.detail}` : ''}`);
  }
}
