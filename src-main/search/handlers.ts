// Handlers of the search channels: thin glue from a validated payload to the search service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { searchChannels } from '../../src-shared/contracts/search.ts';
import { searchText } from './search.ts';

export const searchHandlers: HandlerMap<keyof typeof searchChannels> = {
  'search.text': (input, { session }) => searchText(session.requireProject(), input),
};
