import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { parseHitKey, searchScope, useSearch } from './search-store.ts';
import { AutocodePassages } from './AutocodePassages.tsx';

/** The autocode input from the view's current state: the server recomputes every range from it. */
function autocodeInput(codeId: number, scope: 'all' | 'checked') {
  const s = useSearch.getState();
  return {
    ...searchScope(s.query, s.filters),
    codeId,
    extent: s.extent,
    ...(scope === 'checked' ? { hits: [...s.checked].map(parseHitKey) } : {}),
  };
}

/** Shows what an autocode will do (new codings, transcripts, already coded and skipped) and does it on confirmation. */
export function AutocodeDialog({ codeId, scope, onClose }: { codeId: number; scope: 'all' | 'checked'; onClose(): void }) {
  const { t } = useTranslation();
  const [input] = useState(() => autocodeInput(codeId, scope));
  const [busy, setBusy] = useState(false);
  const preview = useQuery({ queryKey: ['search', 'autocodePreview', input], queryFn: () => call('search.autocodePreview', input), gcTime: 0 });
  const p = preview.data;

  const apply = async () => {
    setBusy(true);
    try {
      const result = await call('search.autocode', input);
      useUi.getState().useCode(codeId);
      useUi.getState().setStatus(result.codingIds.length > 0
        ? i18next.t('search.autocode.done', { count: result.codingIds.length, code: result.codeName })
        : i18next.t('search.autocode.doneNothing', { code: result.codeName }));
      useSearch.getState().setChecked([]);
      onClose();
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
      onClose();
    }
  };

  return (
    <Modal isOpen isDismissable onOpenChange={(o) => !o && !busy && onClose()} className="modal">
      <Dialog className="dialog autocode-dialog">
        <Heading slot="title">{t('search.autocode.previewTitle', { code: p?.codeName ?? '' })}</Heading>
        {preview.isPending && <p className="muted" role="status">{t('search.autocode.loading')}</p>}
        {preview.isError && <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />}
        {p && (
          <div className="autocode-dialog__body" role="status">
            {p.newCodings > 0 ? (
              <p className="autocode-dialog__lead">
                <strong>{t('search.autocode.previewNew', { count: p.newCodings })}</strong>{' '}
                {t('search.autocode.previewSources', { count: p.sources })}{' '}
                <span className="muted">({t('search.autocode.previewHits', { count: p.hits })})</span>
              </p>
            ) : (
              <p className="autocode-dialog__lead">{t('search.autocode.previewNothing')}</p>
            )}
            {p.newCodings > 0 && <p>{t('search.autocode.previewExtent', { extent: t(`search.autocode.extents.${input.extent}`).toLowerCase() })}</p>}
            {p.alreadyCoded > 0 && <p>{t('search.autocode.previewSkipped', { count: p.alreadyCoded })}</p>}
            {p.truncated && <p className="warning">{t('search.autocode.previewTruncated')}</p>}
            {p.newCodings > 0 && <p className="muted">{t('search.autocode.previewUndo')}</p>}
          </div>
        )}
        {p && p.passages.length > 0 && <AutocodePassages preview={p} />}
        <div className="dialog__actions">
          <Button className="button" onPress={onClose} isDisabled={busy}>{t('search.autocode.cancel')}</Button>
          {/* Mounted again once the preview is in: a disabled button cannot take the focus, so autoFocus acts then. */}
          <Button key={p ? 'ready' : 'waiting'} className="button button--primary" autoFocus isDisabled={!p || p.newCodings === 0 || busy} onPress={() => void apply()}>
            {t('search.autocode.confirm', { count: p?.newCodings ?? 0 })}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
