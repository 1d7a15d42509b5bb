// Renders whichever codebook dialog is open (menus and keys only set the store).
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useCodebook } from './codebook-store.ts';
import { NameDialog } from './NameDialog.tsx';
import { ColourDialog } from './ColourDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { DeleteDialog } from './DeleteDialog.tsx';
import './codebook.css';

export function CodebookDialogs({ rows }: { rows: readonly CodeRow[] }) {
  const dialog = useCodebook((s) => s.dialog);
  if (!dialog) return null;
  if (dialog.kind === 'create' || dialog.kind === 'rename' || dialog.kind === 'split') {
    return <NameDialog key={JSON.stringify(dialog)} dialog={dialog} rows={rows} />;
  }
  const code = rows.find((r) => r.id === dialog.codeId);
  // The code vanished (undo, another window): nothing left to edit.
  if (!code) return null;
  switch (dialog.kind) {
    case 'colour':
      return <ColourDialog code={code} />;
    case 'merge':
      return <MergeDialog code={code} rows={rows} />;
    case 'delete':
      return <DeleteDialog code={code} rows={rows} />;
  }
}
