// The codings picked in the reader (marks or margin bars) that belong to one code.
import { useUi } from '../../state/ui-store.ts';
import { cachedSource } from '../coding/actions.ts';

export function selectedCodingsOf(codeId: number): number[] {
  const { selectedCodingIds, sourceId } = useUi.getState();
  if (selectedCodingIds.length === 0 || sourceId === null) return [];
  const codings = cachedSource(sourceId)?.codings ?? [];
  return selectedCodingIds.filter((id) => codings.some((c) => c.id === id && c.codeId === codeId));
}
