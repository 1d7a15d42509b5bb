import { useTranslation } from 'react-i18next';
import { Button, Toolbar } from 'react-aria-components';
import { useUi } from '../../state/ui-store.ts';
import { useCodes } from '../../state/queries.ts';
import { applyInVivo, applyToSelection } from './actions.ts';

/** The quick codes (keys 1–9), in-vivo coding and the palette, shown above the transcript. */
export function QuickCodeBar() {
  const { t } = useTranslation();
  const recent = useUi((s) => s.recentCodes);
  const hasSelection = useUi((s) => s.textSelection !== null);
  const codes = useCodes(null).data ?? [];
  const byId = new Map(codes.map((c) => [c.id, c]));
  return (
    <Toolbar className="quick-codes" aria-label={t('coding.quickCodes')}>
      {recent.length === 0 && <span className="muted quick-codes__hint">{t('coding.quickHint')}</span>}
      {recent.map((id, i) => {
        const code = byId.get(id);
        if (!code) return null;
        return (
          <Button key={id} className="chip" isDisabled={!hasSelection} onPress={() => void applyToSelection(id)}>
            <kbd>{i + 1}</kbd>
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            {code.name}
          </Button>
        );
      })}
      <Button className="tool tool--small quick-codes__palette" onPress={() => useUi.getState().setPaletteOpen(true)}>
        {t('coding.choose')} <kbd>Ctrl+K</kbd>
      </Button>
      <Button className="tool tool--small quick-codes__invivo" isDisabled={!hasSelection} onPress={() => void applyInVivo()}>
        {t('reader.inVivo')} <kbd>Ctrl+Shift+K</kbd>
      </Button>
    </Toolbar>
  );
}
