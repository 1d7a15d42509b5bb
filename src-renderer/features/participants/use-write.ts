// One write to the project from this feature, as a TanStack mutation. Writes
// run one after another (one scope), a success may say so on the status line,
// and a refusal shows its translated message: inside the open dialog, or in
// the app's alert banner. The main process announces what changed, so the
// queries that show it refresh by themselves.
import i18next from 'i18next';
import { useMutation } from '@tanstack/react-query';
import { BridgeError, call } from '../../bridge.ts';
import type { Channel, Input, Output } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { useParticipantsUi } from './participants-store.ts';

export function errorMessage(err: unknown): string {
  return err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) });
}

interface Options<C extends Channel> {
  /** Status-line text after success (null for none). */
  done?: (data: Output<C>, input: Input<C>) => string | null;
  /** Show a refusal inside the open dialog instead of the alert banner. */
  inDialog?: boolean;
}

export function useWrite<C extends Channel>(channel: C, options: Options<C> = {}) {
  return useMutation<Output<C>, unknown, Input<C>>({
    scope: { id: 'participants' },
    mutationFn: (input) => call(channel, input),
    onMutate: () => {
      if (options.inDialog) useParticipantsUi.getState().setError(null);
    },
    onSuccess: (data, input) => {
      useUi.getState().setNotice(null);
      const status = options.done?.(data, input);
      if (status) useUi.getState().setStatus(status);
    },
    onError: (err) => {
      if (options.inDialog) useParticipantsUi.getState().setError(errorMessage(err));
      else useUi.getState().setNotice(errorMessage(err));
    },
  });
}

/** Resolves true when the write succeeded (its error is shown by the hook), for fields that revert on failure. */
export async function succeeded(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return true;
  } catch {
    return false;
  }
}
