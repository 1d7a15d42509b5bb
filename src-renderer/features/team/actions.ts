// The team commands of the File menu: make a coder copy, save a copy's changes
// to send back, choose copies or change files to merge.
import i18next from 'i18next';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { useTeam } from './team-store.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function openMakeCopy(): void {
  useTeam.getState().open({ kind: 'copy' });
}

export async function writeChanges(): Promise<void> {
  try {
    useUi.getState().setNotice(null);
    const { copy } = await call('team.status', {});
    if (!copy) {
      useUi.getState().setNotice(i18next.t('team.ui.changes.notCopy'));
      return;
    }
    const path = await call('shell.saveFileDialog', { defaultName: i18next.t('team.ui.changesDefaultName', { coder: copy.coder }), extension: 'duiding-changes' });
    if (!path) return;
    const written = await call('team.writeChanges', { path });
    useUi.getState().setStatus(i18next.t('team.ui.changes.written', { coder: written.coder, file: fileName(written.path), ...written.added }));
  } catch (err) {
    report(err);
  }
}

export async function chooseAndMerge(): Promise<void> {
  try {
    useUi.getState().setNotice(null);
    const paths = await call('shell.openTeamFilesDialog', {});
    if (paths.length > 0) useTeam.getState().open({ kind: 'merge', paths });
  } catch (err) {
    report(err);
  }
}
