import type { Selection } from 'react-aria-components';

/** The single selected key of a react-aria collection, as a number id. */
export function selectedId(keys: Selection): number | null {
  if (keys === 'all') return null;
  const [key] = [...keys];
  return key === undefined ? null : Number(key);
}
