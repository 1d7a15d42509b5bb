// What the import dialog's buttons do: preview through workers, then commit.
import i18next from 'i18next';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { targetOf, useImport } from './import-store.ts';
import { importedFiles } from './batch.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

export async function chooseFiles(): Promise<void> {
  try {
    const paths = await call('shell.importFilesDialog', {});
    if (paths.length > 0) {
      useImport.getState().addPaths(paths);
      await runPreview();
    }
  } catch (err) {
    report(err);
  }
}

export async function runPreview(): Promise<void> {
  const { paths, mode, encodings, joinLines, phase, setPhase, setPreviews, setProgress, setRereading } = useImport.getState();
  if (paths.length === 0) return;
  // Reading again from the review (another encoding, joining lines, the speaker convention):
  // the review stays on screen, so keyboard focus stays where the user is.
  const again = phase === 'review';
  setProgress({ done: 0, total: paths.length, fileName: '' });
  if (again) setRereading(true);
  else setPhase('parsing');
  try {
    const previews = await call('import.preview', { paths, speakers: mode, encodings, joinLines });
    setPreviews(previews);
    setPhase('review');
  } catch (err) {
    if (!again) setPhase('select');
    report(err);
  } finally {
    setProgress(null);
    setRereading(false);
  }
}

export async function runCommit(): Promise<void> {
  const state = useImport.getState();
  const { choices, setPhase, setResults, setProgress } = state;
  // One target per speaker label for the batch, a file's own where it was split off (issue 9 §8).
  const items = importedFiles(state).map((p) => ({
    token: p.token,
    allowDuplicate: choices[p.token]?.allowDuplicate ?? false,
    speakers: (p.speakers ?? []).flatMap((s) => {
      const target = targetOf(state, p.path, s.label);
      return target ? [{ label: s.label, target }] : [];
    }),
  }));
  if (items.length === 0) return;
  setProgress({ done: 0, total: items.length, fileName: '' });
  setPhase('committing');
  try {
    setResults(await call('import.commit', { items }));
    setPhase('done');
  } catch (err) {
    setPhase('review');
    report(err);
  } finally {
    setProgress(null);
  }
}

export async function cancelImport(): Promise<void> {
  try {
    await call('import.cancel', {});
  } catch (err) {
    report(err);
  }
}
