import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Toolbar } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { NameTip } from '../../components/NameTip.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useCodes, useCurrentProject } from '../../state/queries.ts';
import { applyInVivo, applyToSelection } from './actions.ts';
import { pinnedSlots, usePins } from './pins-store.ts';
import { setQuickKeys } from './quick-keys.ts';

function Chip({ code, keyLabel, disabled }: { code: CodeRow; keyLabel: string | null; disabled: boolean }) {
  const nameRef = useRef<HTMLSpanElement>(null);
  return (
    <Button className="chip" isDisabled={disabled} onPress={() => void applyToSelection(code.id)}>
      {keyLabel && <kbd>{keyLabel}</kbd>}
      <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
      <span className="chip__name" ref={nameRef}>{code.name}</span>
      <NameTip nameRef={nameRef} name={code.name} />
    </Button>
  );
}

/**
 * The quick codes above the transcript, on one row: pinned codes keep their
 * key 1–9 (issue 11 §8); recent codes are a separate, marked list. Without
 * pins, keys 1–9 reach the recent codes (newest first), as before.
 */
export function QuickCodeBar() {
  const { t } = useTranslation();
  const recent = useUi((s) => s.recentCodes);
  const hasSelection = useUi((s) => s.textSelection !== null);
  const codes = useCodes(null).data ?? [];
  const project = useCurrentProject().data?.guid;
  const byProject = usePins((s) => s.byProject);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pinned = pinnedSlots(byProject, project, (id) => byId.has(id));
  const anyPinned = pinned.some((id) => id !== null);
  const recentCodes = recent.filter((id) => byId.has(id) && !pinned.includes(id));
  const keys = anyPinned ? pinned : recentCodes;
  const signature = keys.join(',');
  useEffect(() => setQuickKeys(signature ? signature.split(',').map((k) => (k === '' ? null : Number(k))) : []), [signature]);
  return (
    <Toolbar className="quick-codes" aria-label={t('coding.quickCodes')}>
      {!anyPinned && recentCodes.length === 0 && <span className="muted quick-codes__hint">{t('coding.quickHint')}</span>}
      {anyPinned && (
        <span className="quick-codes__group" role="group" aria-label={t('workspace.quick.pinned')}>
          {pinned.map((id, i) => (id === null ? null : <Chip key={id} code={byId.get(id)!} keyLabel={String(i + 1)} disabled={!hasSelection} />))}
        </span>
      )}
      {recentCodes.length > 0 && (
        <span className="quick-codes__group quick-codes__group--recent" role="group" aria-label={t('workspace.quick.recent')}>
          <span className="quick-codes__label muted" aria-hidden="true">{t('workspace.quick.recent')}</span>
          {recentCodes.slice(0, anyPinned ? 5 : 9).map((id, i) => (
            <Chip key={id} code={byId.get(id)!} keyLabel={anyPinned ? null : String(i + 1)} disabled={!hasSelection} />
          ))}
        </span>
      )}
      <Button className="tool tool--small quick-codes__palette" onPress={() => useUi.getState().setPaletteOpen(true)}>
        {t('coding.choose')} <kbd>Ctrl+K</kbd>
      </Button>
      <Button className="tool tool--small quick-codes__invivo" isDisabled={!hasSelection} onPress={() => void applyInVivo()}>
        {t('reader.inVivo')} <kbd>Ctrl+Shift+K</kbd>
      </Button>
    </Toolbar>
  );
}
