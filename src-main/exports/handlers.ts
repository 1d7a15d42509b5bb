// Handlers of this feature's channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { exportChannels } from '../../src-shared/contracts/exports.ts';
import { exportSegments } from './segments-export.ts';
import { segmentNamePlaces } from './anonymised-segments.ts';

export const exportHandlers: HandlerMap<keyof typeof exportChannels> = {
  'segments.export': ({ format, path, language, includeCoder, limit: _limit, ...query }, { session }) =>
    exportSegments(session.requireProject(), query, format, path, language, includeCoder),
  'segments.names': ({ language, limit: _limit, ...query }, { session }) => segmentNamePlaces(session.requireProject(), query, language),
};
