import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Input, Label, ListBox, ListBoxItem, Modal, SearchField } from 'react-aria-components';
import { useUi } from '../../state/ui-store.ts';
import { useCodes } from '../../state/queries.ts';
import { applyToSelection } from './actions.ts';
import { useCoding } from './coding-store.ts';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A searchable list of all codes; Enter applies the chosen code to the selection. */
export function CodePalette() {
  const { t } = useTranslation();
  const open = useUi((s) => s.paletteOpen);
  const target = useCoding((s) => s.target);
  const hasSelection = useUi((s) => s.textSelection !== null) || target !== null;
  const codes = useCodes(null).data ?? [];
  const [query, setQuery] = useState('');
  const items = useMemo(() => codes.filter((c) => fold(c.name).includes(fold(query))).slice(0, 200), [codes, query]);
  if (!open) return null;
  const close = () => {
    setQuery('');
    useCoding.getState().setTarget(null);
    useUi.getState().setPaletteOpen(false);
  };
  return (
    <Modal isOpen isDismissable onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog palette">
        <Heading slot="title">{t('coding.paletteTitle')}</Heading>
        {target && (
          <p className="palette__target" role="note">
            {target.kind === 'turn' ? t('reader.target.turn', { speaker: target.speaker }) : t('reader.target.speaker', { speaker: target.speaker, count: target.ranges.length })}
          </p>
        )}
        {!hasSelection && <p className="warning" role="note">{t('coding.noSelection')}</p>}
        <SearchField className="field" value={query} onChange={setQuery} autoFocus
          onKeyDown={(e) => {
            if (e.key === 'Enter' && items[0] && hasSelection) void applyToSelection(items[0].id).then(close);
          }}>
          <Label>{t('coding.search')}</Label>
          <Input />
        </SearchField>
        <ListBox
          aria-label={t('coding.paletteTitle')}
          className="palette__list"
          items={items}
          renderEmptyState={() => <p className="muted">{t('coding.noMatch')}</p>}
          onAction={(key) => {
            if (hasSelection) void applyToSelection(Number(key)).then(close);
          }}
        >
          {(c) => (
            <ListBoxItem id={c.id} textValue={c.name} className="menu-item palette__item">
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" /> {c.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Dialog>
    </Modal>
  );
}
