// Saves a memo while the analyst writes: 600 ms after the last change, and at
// once on blur or when the editor closes. Each save is one memos.update call;
// the service folds a run of saves into one undo step.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../bridge.ts';
import { reportError } from './memo-queries.ts';

export const SAVE_DELAY_MS = 600;

export type SaveState = 'idle' | 'saving' | 'saved';

interface Patch {
  title?: string;
  body?: string;
}

export function useMemoSaver(id: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Patch | null>(null);
  const inflight = useRef(0);
  const [state, setState] = useState<SaveState>('idle');

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const patch = pending.current;
    if (!patch) return;
    pending.current = null;
    inflight.current += 1;
    setState('saving');
    try {
      await call('memos.update', { id, ...patch });
      setState('saved');
    } catch (err) {
      setState('idle');
      reportError(err);
    } finally {
      inflight.current -= 1;
    }
  }, [id]);

  const schedule = useCallback(
    (patch: Patch) => {
      pending.current = { ...pending.current, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Drops unsaved changes (the memo is being deleted). */
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
  }, []);

  /** Local changes not yet confirmed by the project: don't overwrite them with what the project says. */
  const busy = useCallback(() => pending.current !== null || inflight.current > 0, []);

  // Closing the editor (another code selected, memo collapsed) still saves what was typed.
  useEffect(() => () => void flush(), [flush]);

  return { schedule, flush, cancel, busy, state };
}
