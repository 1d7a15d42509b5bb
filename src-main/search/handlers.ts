// Handlers of the search channels: thin glue from a validated payload to the search service.
import type { HandlerMap } from '../ipc/handlers.ts';
import type { searchChannels } from '../../src-shared/contracts/search.ts';
import { withCoder } from '../services/users.ts';
import { searchText } from './search.ts';
import { autocodeApply, autocodePreview } from './autocode.ts';

export const searchHandlers: HandlerMap<keyof typeof searchChannels> = {
  'search.text': (input, { session }) => searchText(session.requireProject(), input),
  'search.autocodePreview': ({ coder: _coder, ...input }, { session }) => autocodePreview(session.requireProject(), input),
  'search.autocode': ({ coder, ...input }, { session }) => {
    const db = session.requireProject();
    const result = withCoder(db, coder ?? session.coder, (coderId) => autocodeApply(db, input, coderId));
    if (result.codingIds.length > 0) session.changed(['codings']);
    return result;
  },
};
