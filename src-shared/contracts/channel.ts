import type { z } from 'zod';

/** A channel's contract: a zod schema for its input and the TypeScript type of its output. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Phantom: carries the output type for the typed invoke; never set at run time. */
  readonly output?: O;
}

/** `channel(z.object({...})).returns<Output>()` */
export function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>(): ChannelDef<I, O> => ({ input }) };
}
