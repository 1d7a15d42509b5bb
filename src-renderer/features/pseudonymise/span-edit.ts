// Editing a finding's span by whole words (issue 16 §2), shared by the list's
// shortcuts and the detail's buttons: the main process moves one edge of the
// group's first place by a word and says where the new text occurs; the group
// then stands for that text everywhere. Nothing is written to the project.
import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { usePseudonymise } from './pseudonymise-store.ts';

export type SpanMove = { side: 'start' | 'end'; delta: 1 | -1 };

export function useSpanEdit() {
  const mutation = useMutation({
    mutationFn: async ({ index, side, delta }: SpanMove & { index: number }) => {
      const place = usePseudonymise.getState().findings?.groups[index]?.occurrences[0];
      if (!place) return null;
      const span = await call('pseudonymise.respan', { source: place.source, start: place.start, end: place.end, side, delta });
      return { index, span };
    },
    onSuccess: (r) => { if (r) usePseudonymise.getState().reshape(r.index, r.span); },
    onError: (err) => useUi.getState().setNotice(err instanceof BridgeError ? err.message : String(err)),
  });
  // Moves run one after another, each from the span the last one made: a key pressed twice is two words.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  return (index: number, move: SpanMove) => {
    queue.current = queue.current.then(() => mutation.mutateAsync({ index, ...move })).catch(() => undefined);
  };
}
