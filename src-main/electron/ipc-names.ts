// Names shared by main.ts and preload.ts. Type-only imports keep the sandboxed
// preload bundle free of zod and the contracts; a test checks the event list
// against APP_EVENTS.
import type { AppEvent } from '../../src-shared/contracts/index.ts';

export const INVOKE_CHANNEL = 'duiding:invoke';
export const EVENT_CHANNEL = 'duiding:event';

export const BRIDGE_EVENTS = ['project.changed', 'command.invoke', 'language.changed', 'import.progress', 'report.progress', 'agreement.progress', 'exchange.progress', 'pseudonymise.progress'] as const satisfies readonly AppEvent[];

// Compile-time: every AppEvent is listed (the satisfies above checks the other direction).
type Missing = Exclude<AppEvent, (typeof BRIDGE_EVENTS)[number]>;
export const BRIDGE_EVENTS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
