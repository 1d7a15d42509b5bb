// A coding as the reader paints it (contract CodingView), read the same way
// for a whole transcript (sources.codings) and for what an undo or redo touched.
import type { CodingView } from '../../src-shared/contracts/sources.ts';

/**
 * Columns of `codings c`. `hasMemo`: a memo on the coding (a memo row aimed at
 * its GUID, or its own short memo), shown as a mark in the reader.
 */
export const CODING_VIEW_COLUMNS = `c.id, c.code_id AS codeId, c.start, c."end", c.is_key_quote AS isKeyQuote,
  (COALESCE(c.memo, '') <> '' OR EXISTS (SELECT 1 FROM memos m WHERE m.target_guid = c.guid AND m.target_kind = 'coding')) AS hasMemo`;

export type CodingViewRow = Omit<CodingView, 'isKeyQuote' | 'hasMemo'> & { isKeyQuote: number; hasMemo: number };

export function codingView<R extends CodingViewRow>(row: R): Omit<R, 'isKeyQuote' | 'hasMemo'> & CodingView {
  return { ...row, isKeyQuote: row.isKeyQuote === 1, hasMemo: row.hasMemo === 1 };
}
