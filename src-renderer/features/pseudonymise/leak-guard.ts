// The app's side of the automatic leak check (issue 16 §7, ADR 0025): an
// export call that main refused with pseudonymise.leaks (nothing written)
// shows the places; the user stops, or continues and the same call runs
// again with `acceptLeaks: true`.
import { create } from 'zustand';
import { BridgeError } from '../../bridge.ts';
import type { LeakPlace } from '../../../src-shared/contracts/pseudonymise.ts';

interface Prompt {
  file: string;
  places: LeakPlace[];
  answer(proceed: boolean): void;
}

export const useLeakPrompt = create<{ prompt: Prompt | null }>(() => ({ prompt: null }));

function ask(file: string, places: LeakPlace[]): Promise<boolean> {
  return new Promise((resolve) => {
    useLeakPrompt.setState({
      prompt: { file, places, answer: (proceed) => { useLeakPrompt.setState({ prompt: null }); resolve(proceed); } },
    });
  });
}

/** Runs an export; on a leak refusal asks the user. Resolves null when the user stopped (nothing was written). */
export async function leakChecked<T>(run: (acceptLeaks: boolean) => Promise<T>): Promise<T | null> {
  try {
    return await run(false);
  } catch (err) {
    if (!(err instanceof BridgeError) || err.code !== 'pseudonymise.leaks') throw err;
    const places = JSON.parse(String(err.params.leaks ?? '[]')) as LeakPlace[];
    if (!(await ask(String(err.params.file ?? ''), places))) return null;
    return run(true);
  }
}
