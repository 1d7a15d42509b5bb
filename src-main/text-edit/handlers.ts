// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { textEditChannels } from '../../src-shared/contracts/text-edit.ts';

export const textEditHandlers: HandlerMap<keyof typeof textEditChannels> = {};
