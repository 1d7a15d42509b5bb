// Handlers of the analysis channels: thin glue from a validated payload to its service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { analysisChannels } from '../../src-shared/contracts/analysis.ts';
import { buildMatrix } from './matrix.ts';

export const analysisHandlers: HandlerMap<keyof typeof analysisChannels> = {
  'analysis.matrix': ({ by }, { session }) => buildMatrix(session.requireProject(), by),
};
