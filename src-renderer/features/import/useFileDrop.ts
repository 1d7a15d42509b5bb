// Dropping files anywhere on the window opens the import with those files.
import { useEffect, useState } from 'react';
import { bridge } from '../../bridge.ts';
import { useImport } from './import-store.ts';
import { runPreview } from './actions.ts';

export function useFileDrop(enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const paths = [...(e.dataTransfer?.files ?? [])].map((f) => bridge().getPathForFile(f)).filter((p) => p !== '');
      if (paths.length === 0) return;
      const store = useImport.getState();
      if (store.phase === 'closed') store.open(paths);
      else store.addPaths(paths);
      void runPreview();
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);
  return over;
}
