// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { exportChannels } from '../../src-shared/contracts/exports.ts';

export const exportHandlers: HandlerMap<keyof typeof exportChannels> = {};
