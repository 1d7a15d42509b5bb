// Entry of the engine process. Under Electron it is a utility process; the
// harness starts its own entry (test/harness/engine-worker.ts) as a worker thread.
import { runEngine, type EngineOptions } from './engine.ts';
import { enginePort } from './port.ts';
import { describeError } from '../log-safe.ts';

/** Options travel as the process's argument (utility process) or the worker's data. */
function options(): EngineOptions {
  const arg = process.argv.find((a) => a.startsWith('--engine-options='));
  const raw = arg?.slice('--engine-options='.length);
  const parsed = raw ? (JSON.parse(raw) as { hostPrints?: boolean; leakCheck?: boolean }) : {};
  return { hostPrints: parsed.hostPrints === true, leakCheck: parsed.leakCheck === true };
}

// Unexpected errors go to the host's log by channel, error name and stack frames: never payloads or transcript text.
const port = enginePort();
runEngine(port, {
  ...options(),
  onInternalError: (channel, err) => port.post({ kind: 'log', line: `${channel}: ${describeError(err)}` }),
});
