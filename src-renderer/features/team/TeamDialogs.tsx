// The open team-coding dialog, if any (mounted in App while a project is open).
import { useTeam } from './team-store.ts';
import { MakeCopyDialog } from './MakeCopyDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import './team.css';

export function TeamDialogs() {
  const dialog = useTeam((s) => s.dialog);
  if (dialog.kind === 'copy') return <MakeCopyDialog />;
  if (dialog.kind === 'merge') return <MergeDialog key={dialog.paths.join('\n')} paths={dialog.paths} />;
  return null;
}
