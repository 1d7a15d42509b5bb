// Query keys per entity, and the map from change-event tags to the keys they invalidate.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../bridge.ts';
import type { EntityTag } from '../../src-shared/contracts/index.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export const keys = {
  current: ['project', 'current'] as const,
  info: ['project', 'info'] as const,
  recent: ['shell', 'recent'] as const,
  codes: (perspective: Perspective | null) => ['codes', perspective] as const,
  sources: ['sources'] as const,
  source: (id: number) => ['sources', id] as const,
  participants: ['participants'] as const,
  attributes: ['attributes'] as const,
  /** Every memo query (features/memos) starts with this. */
  memos: ['memos'] as const,
};

const TAG_KEYS: Record<EntityTag, readonly (readonly unknown[])[]> = {
  project: [['project'], ['shell']],
  codes: [['codes'], ['project', 'info'], ['analysis'], ['retrieval']],
  sources: [['sources'], ['project', 'info'], ['participants'], ['analysis'], ['search'], ['retrieval']],
  participants: [['participants'], ['attributes'], ['sources'], ['codes'], ['project', 'info'], ['analysis'], ['search'], ['retrieval']],
  codings: [['codes'], ['sources'], ['project', 'info'], ['analysis'], ['retrieval']],
  // Code memos are the report's narrative, so analysis views refresh too.
  memos: [['memos'], ['analysis']],
  users: [['project', 'info'], ['project', 'users']],
};

export function invalidateTags(client: QueryClient, tags: readonly EntityTag[]): void {
  for (const tag of tags) for (const queryKey of TAG_KEYS[tag]) void client.invalidateQueries({ queryKey });
}

export const useCurrentProject = () => useQuery({ queryKey: keys.current, queryFn: () => call('project.current', {}) });
export const useProjectInfo = (enabled: boolean) =>
  useQuery({ queryKey: keys.info, queryFn: () => call('project.info', {}), enabled });
export const useCodes = (perspective: Perspective | null) =>
  useQuery({
    queryKey: keys.codes(perspective),
    queryFn: () => call('codebook.list', perspective ? { perspective } : {}),
  });
export const useSources = () => useQuery({ queryKey: keys.sources, queryFn: () => call('sources.list', {}) });
export const useSource = (id: number | null) =>
  useQuery({ queryKey: keys.source(id ?? 0), queryFn: () => call('sources.get', { id: id! }), enabled: id !== null });
export const useParticipants = () => useQuery({ queryKey: keys.participants, queryFn: () => call('participants.list', {}) });
export const useAttributes = () => useQuery({ queryKey: keys.attributes, queryFn: () => call('attributes.list', {}) });
export const useRecent = () => useQuery({ queryKey: keys.recent, queryFn: () => call('shell.recentProjects', {}) });
