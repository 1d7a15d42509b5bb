// Writing copies of the project (Save As, a copy to share) and opening a
// project read-only, each with a calm status line or the translated error.
import i18next from 'i18next';
import { BridgeError, call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { useProjectFile, type CopyMode } from './project-file-store.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Asks where, then writes the copy: Save As continues in the copy, a copy to
 * share leaves the open project as it is. The history comes along only when
 * asked (it holds removed texts). Returns true when a copy was written.
 */
export async function writeCopy(mode: CopyMode, history: boolean): Promise<boolean> {
  try {
    useUi.getState().setNotice(null);
    const path = await call('shell.saveAsDialog', {});
    if (!path) return false;
    if (mode === 'saveAs') {
      await call('project.saveAs', { path, history });
      useUi.getState().reset();
      useUi.getState().setStatus(i18next.t('projectCopy.saved', { file: fileName(path) }));
    } else {
      await call('project.copyToShare', { path, history });
      useUi.getState().setStatus(i18next.t('projectCopy.shared', { file: fileName(path) }));
    }
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

/** Opens the project that was refused as read-only media, for viewing only. */
export async function openReadOnly(path: string): Promise<void> {
  try {
    useUi.getState().setNotice(null);
    useProjectFile.getState().setReadOnlyOffer(null);
    await call('project.open', { path, readOnly: true });
    useUi.getState().reset();
  } catch (err) {
    report(err);
  }
}
