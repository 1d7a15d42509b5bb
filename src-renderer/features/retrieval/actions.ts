// What the retrieval view changes or writes, with the outcome on the status line or the alert banner.
import { leakChecked } from '../pseudonymise/leak-guard.ts';
import i18next from 'i18next';
import { BridgeError, call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import type { Segment } from '../../../src-shared/contracts/codings.ts';
import type { SegmentExportFormat } from '../../../src-shared/contracts/exports.ts';
import type { NamePlace } from '../../../src-shared/contracts/analysis.ts';
import { isLanguage } from '../../../src-shared/i18n/catalog.ts';
import { segmentQuery, useRetrieval } from './retrieval-store.ts';

/**
 * The key-quote state each segment (by its codings) was last set to, until the
 * list has been read again: a quick second press toggles from what the user
 * asked for, not from the stale row, and is never lost.
 */
const intended = new Map<string, boolean>();
/** Writes for one segment run one after another. */
const chains = new Map<string, Promise<void>>();

function fail(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

/**
 * Marks the segment as a key quote, or unmarks it. An AND/overlap segment is
 * made of several codings: marking flags the first (the anchor code's),
 * unmarking clears every one that is flagged, so the star really goes out.
 */
export function toggleKeyQuote(s: Segment, reread: () => Promise<unknown>): Promise<void> {
  const key = s.codingIds.join(',');
  const next = !(intended.get(key) ?? s.isKeyQuote);
  intended.set(key, next);
  const write = async () => {
    try {
      // One call, one undo step, however many codings the segment is made of.
      await call('codings.setKeyQuote', { ids: next ? [s.codingIds[0]!] : s.codingIds, isKeyQuote: next });
      useUi.getState().setStatus(i18next.t(next ? 'retrieval.marked' : 'retrieval.unmarked'));
      await reread();
    } catch (err) {
      fail(err);
    } finally {
      // The row shows the truth again once nothing newer was asked for.
      if (intended.get(key) === next) intended.delete(key);
    }
  };
  const chain = (chains.get(key) ?? Promise.resolve()).then(write);
  chains.set(key, chain);
  return chain;
}

/** Asks where to save, then writes every segment of the current query there (in main); coder names only when asked. */
export async function exportSegments(format: SegmentExportFormat, includeCoder = false): Promise<void> {
  try {
    const path = await call('shell.saveFileDialog', { defaultName: i18next.t('retrieval.export.defaultName'), extension: format });
    if (!path) return;
    const query = segmentQuery(useRetrieval.getState());
    const result = await leakChecked((acceptLeaks) => call('segments.export', { ...query, format, path, language: exportLanguage(), includeCoder, acceptLeaks }));
    if (!result) return useUi.getState().setStatus(i18next.t('pseudonymise.leak.stopped'));
    const file = result.path.split(/[\\/]/).pop() ?? result.path;
    useUi.getState().setNotice(null);
    useUi.getState().setStatus(i18next.t('retrieval.export.done', { count: result.rows, file }));
  } catch (err) {
    fail(err);
  }
}

export const exportLanguage = () => (isLanguage(i18next.language) ? i18next.language : 'nl');

/** Places where the anonymised export of the current query would contain a name the project knows ([] when not anonymised). */
export async function exportNamePlaces(): Promise<NamePlace[]> {
  const state = useRetrieval.getState();
  if (!state.anonymise) return [];
  try {
    return await call('segments.names', { ...segmentQuery(state), language: exportLanguage() });
  } catch (err) {
    fail(err);
    return [];
  }
}
