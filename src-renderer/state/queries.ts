// Query keys per entity, and the map from change-event tags to the keys they invalidate.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../bridge.ts';
import type { EntityTag, SourceDetail } from '../../src-shared/contracts/index.ts';
import type { Perspective } from '../../src-shared/domain/perspectives.ts';
import { withDistinctShades } from '../features/codebook/shades.ts';

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

type Filter = { queryKey: readonly unknown[]; exact?: boolean; predicate?: (query: { queryKey: readonly unknown[] }) => boolean };

const TAG_KEYS: Record<EntityTag, readonly Filter[]> = {
  project: [{ queryKey: ['project'] }, { queryKey: ['shell'] }],
  // The lost-codings review list names codes (and loses entries with a deleted code).
  codes: [{ queryKey: ['codes'] }, { queryKey: ['project', 'info'] }, { queryKey: ['analysis'] }, { queryKey: ['retrieval'] }, { queryKey: ['sources'], predicate: (q) => q.queryKey[2] === 'lostCodings' }],
  sources: [{ queryKey: ['sources'] }, { queryKey: ['project', 'info'] }, { queryKey: ['participants'] }, { queryKey: ['analysis'] }, { queryKey: ['search'] }, { queryKey: ['retrieval'] }],
  participants: [{ queryKey: ['participants'] }, { queryKey: ['attributes'] }, { queryKey: ['sources'] }, { queryKey: ['codes'] }, { queryKey: ['project', 'info'] }, { queryKey: ['analysis'] }, { queryKey: ['search'] }, { queryKey: ['retrieval'] }],
  // A coding changes code counts and the list's coding counts, never a text or
  // its turns: open transcripts refresh their codings alone (see below). The lost
  // codings of a text under review are the transcript's: placing or dismissing one
  // announces 'sources' too, so an ordinary coding does not refetch that list.
  codings: [{ queryKey: ['codes'] }, { queryKey: keys.sources, exact: true }, { queryKey: ['project', 'info'] }, { queryKey: ['analysis'] }, { queryKey: ['retrieval'] }],
  // Code memos are the report's narrative, so analysis views refresh too.
  memos: [{ queryKey: ['memos'] }, { queryKey: ['analysis'] }],
  users: [{ queryKey: ['project', 'info'] }, { queryKey: ['project', 'users'] }],
  // Report settings and quote decisions (analysis.setReportSettings, omitQuotes, editQuote).
  report: [{ queryKey: ['analysis', 'report'] }],
};

/**
 * Invalidates what the tags stand for. Inactive queries are only marked stale
 * (TanStack refetches active ones), so a coding costs the code counts, the
 * source list and the codings of the open transcripts — not 600 kB of text.
 */
export function invalidateTags(client: QueryClient, tags: readonly EntityTag[]): void {
  // The marks in the open transcript first: the bridge answers in order, and they are what the user looks at.
  // A memo on a coding shows as a mark beside it (issue 11 §2), so memos refresh the codings too.
  if ((tags.includes('codings') || tags.includes('memos')) && !tags.includes('sources') && !tags.includes('participants')) void refreshSourceCodings(client);
  for (const tag of tags) for (const filter of TAG_KEYS[tag]) void client.invalidateQueries(filter);
}

/** Replaces the codings of every cached transcript with the stored ones (one small call each). */
async function refreshSourceCodings(client: QueryClient): Promise<void> {
  const details = client.getQueryCache().findAll({ queryKey: keys.sources, predicate: (q) => q.queryKey.length === 2 && q.state.data !== undefined });
  await Promise.all(details.map(async (q) => {
    const id = q.queryKey[1] as number;
    if (!q.isActive()) {
      void client.invalidateQueries({ queryKey: keys.source(id), exact: true });
      return;
    }
    try {
      const codings = await call('sources.codings', { id });
      client.setQueryData<SourceDetail>(keys.source(id), (old) => (old ? { ...old, codings } : old));
    } catch {
      void client.invalidateQueries({ queryKey: keys.source(id), exact: true });
    }
  }));
}

export const useCurrentProject = () => useQuery({ queryKey: keys.current, queryFn: () => call('project.current', {}) });
export const useProjectInfo = (enabled: boolean) =>
  useQuery({ queryKey: keys.info, queryFn: () => call('project.info', {}), enabled });
export const useCodes = (perspective: Perspective | null) =>
  useQuery({
    queryKey: keys.codes(perspective),
    queryFn: () => call('codebook.list', perspective ? { perspective } : {}),
    // Sub-codes sharing their parent's tint are shown in distinct shades (issue 11 §2).
    select: withDistinctShades,
  });
export const useSources = () => useQuery({ queryKey: keys.sources, queryFn: () => call('sources.list', {}) });
const sourceQuery = (id: number) => ({ queryKey: keys.source(id), queryFn: () => call('sources.get', { id }) });
export const useSource = (id: number | null) => useQuery({ ...sourceQuery(id ?? 0), enabled: id !== null });
/**
 * Starts reading a transcript before React renders the reader for it (issue 11: open under 300 ms): the
 * answer travels while the workspace re-renders, instead of after. A cached transcript is not read again.
 */
export const prefetchSource = (client: QueryClient, id: number) => void client.prefetchQuery(sourceQuery(id));
export const useParticipants = () => useQuery({ queryKey: keys.participants, queryFn: () => call('participants.list', {}) });
export const useAttributes = () => useQuery({ queryKey: keys.attributes, queryFn: () => call('attributes.list', {}) });
export const useRecent = () => useQuery({ queryKey: keys.recent, queryFn: () => call('shell.recentProjects', {}) });
