// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { exportChannels } from '../../src-shared/contracts/exports.ts';
import { exportSegments } from './segments-export.ts';

export const exportHandlers: HandlerMap<keyof typeof exportChannels> = {
  'segments.export': ({ format, path, language, limit: _limit, ...query }, { session }) =>
    exportSegments(session.requireProject(), query, format, path, language),
};
