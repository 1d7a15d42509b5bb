// Queries of this feature. Keys start with 'participants', so every change
// to participants, sources or codings (see state/queries.ts) refreshes them.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../bridge.ts';

export const useUnassigned = () =>
  useQuery({ queryKey: ['participants', 'unassigned'], queryFn: () => call('participants.unassigned', {}) });
