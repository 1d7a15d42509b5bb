// History labels are i18n keys. The core labels live under `history.` in
// nl.ts/en.ts; a feature with its own part file uses a full key path with a
// dot (e.g. 'memos.history.created') so its labels stay in its own file.
export function historyLabelKey(label: string): string {
  return label.includes('.') ? label : `history.${label}`;
}
