// Typed access to the one object the preload (or the test harness) exposes.
import type { DuidingBridge } from '../src-shared/bridge.ts';
import type { Channel, Input, Output } from '../src-shared/contracts/index.ts';
import type { ErrorEnvelope } from '../src-shared/errors.ts';

declare global {
  interface Window {
    duiding?: DuidingBridge;
  }
}

/** A failed call, carrying the already translated message from dispatch. */
export class BridgeError extends Error {
  readonly code: ErrorEnvelope['code'];
  /** The error's parameters (e.g. the places a leak check found). */
  readonly params: NonNullable<ErrorEnvelope['params']>;
  constructor(error: ErrorEnvelope) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.params = error.params ?? {};
  }
}

export function bridge(): DuidingBridge {
  if (!window.duiding) throw new Error('Duiding bridge missing: the preload did not run.');
  return window.duiding;
}

/** invoke() for queries and mutations: resolves with data or rejects with a BridgeError. */
export async function call<C extends Channel>(channel: C, payload: Input<C>): Promise<Output<C>> {
  const result = await bridge().invoke(channel, payload);
  if (!result.ok) throw new BridgeError(result.error);
  return result.data;
}
