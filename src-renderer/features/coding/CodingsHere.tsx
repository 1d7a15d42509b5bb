import { useTranslation } from 'react-i18next';
import { Button, Checkbox } from 'react-aria-components';
import { useUi } from '../../state/ui-store.ts';
import { useCodes, useSource } from '../../state/queries.ts';
import { removeCodings, setKeyQuote, startRecode } from './actions.ts';

/** The codings the user clicked on: what they are, and remove / key-quote actions. */
export function CodingsHere() {
  const { t } = useTranslation();
  const ids = useUi((s) => s.selectedCodingIds);
  const sourceId = useUi((s) => s.sourceId);
  const source = useSource(sourceId).data;
  const codes = new Map((useCodes(null).data ?? []).map((c) => [c.id, c]));
  const codings = (source?.codings ?? []).filter((c) => ids.includes(c.id));
  if (!source || codings.length === 0) return null;
  return (
    <section aria-labelledby="codings-here" className="codings-here">
      <h3 id="codings-here" className="inspector__name">{t('coding.here')}</h3>
      <ul className="plain-list">
        {codings.map((c) => {
          const code = codes.get(c.codeId);
          return (
            <li key={c.id} className="coding-card">
              <div className="coding-card__head">
                <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
                <strong>{code?.name}</strong>
              </div>
              <q className="coding-card__text">{source.text.slice(c.start, c.end)}</q>
              <div className="coding-card__actions">
                <Checkbox className="checkbox" isSelected={c.isKeyQuote} onChange={(v) => void setKeyQuote(c.id, v)}>
                  {t('coding.keyQuote')}
                </Checkbox>
                <Button className="tool tool--small" onPress={() => startRecode([c.id], code?.name ?? '')}>
                  {t('workspace.recode.menu')}
                </Button>
                <Button className="tool tool--small" onPress={() => void removeCodings([c.id])}>
                  {t('coding.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
