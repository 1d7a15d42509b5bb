// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { memosChannels } from '../../src-shared/contracts/memos.ts';

export const memosHandlers: HandlerMap<keyof typeof memosChannels> = {};
