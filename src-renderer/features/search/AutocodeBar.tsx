import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup } from 'react-aria-components';
import { AUTOCODE_EXTENTS } from '../../../src-shared/contracts/constants.ts';
import type { AutocodeExtent } from '../../../src-shared/contracts/search.ts';
import { useCodes } from '../../state/queries.ts';
import { useSearch } from './search-store.ts';
import { AutocodeDialog } from './AutocodeDialog.tsx';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Code the hits: a searchable code picker, which hits, how much text; the dialog previews before anything is written. */
export function AutocodeBar({ total, more }: { total: number; more: boolean }) {
  const { t } = useTranslation();
  const codes = useCodes(null).data;
  const codeId = useSearch((s) => s.codeId);
  const scope = useSearch((s) => s.scope);
  const extent = useSearch((s) => s.extent);
  const checked = useSearch((s) => s.checked.size);
  const [typed, setTyped] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);

  const byId = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const chosen = codeId === null ? undefined : byId.get(codeId);
  // The parent's name tells same-named sub-codes apart ("Wat is nodig" exists under several blocks).
  const items = useMemo(() => {
    const needle = fold(typed ?? '');
    return (codes ?? [])
      .map((c) => ({ ...c, parent: c.parentId === null ? '' : (byId.get(c.parentId)?.name ?? '') }))
      .filter((c) => !needle || fold(`${c.name} ${c.parent}`).includes(needle))
      .slice(0, 200);
  }, [codes, byId, typed]);
  const effectiveScope = checked === 0 ? 'all' : scope;

  return (
    <section className="autocode" aria-labelledby="autocode-title">
      <h3 id="autocode-title" className="autocode__title">{t('search.autocode.title')}</h3>
      <ComboBox className="autocode__code" items={items} menuTrigger="focus"
        selectedKey={codeId} inputValue={typed ?? chosen?.name ?? ''}
        onInputChange={setTyped}
        onSelectionChange={(k) => {
          useSearch.getState().setCode(k === null ? null : Number(k));
          setTyped(null);
        }}>
        <Label className="search-filter__label">{t('search.autocode.code')}</Label>
        <div className="autocode__input">
          <span className="swatch" style={{ background: chosen?.color ?? 'transparent' }} aria-hidden="true" />
          <Input placeholder={t('search.autocode.codePlaceholder')} />
          <Button className="tool tool--small" aria-label={t('search.autocode.code')}>▾</Button>
        </div>
        <Popover className="autocode__popover">
          <ListBox className="menu-list palette__list" renderEmptyState={() => <p className="muted">{t('search.autocode.noCode')}</p>}>
            {(c: (typeof items)[number]) => (
              <ListBoxItem id={c.id} textValue={c.name} className="menu-item palette__item">
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" /> {c.name}
                {c.parent && <span className="muted"> · {c.parent}</span>}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <RadioGroup className="autocode__radios" value={effectiveScope} onChange={(v) => useSearch.getState().setScope(v as 'all' | 'checked')}>
        <Label className="search-filter__label">{t('search.autocode.scope')}</Label>
        <Radio value="all">{more ? t('search.autocode.scopeAllMore', { count: total }) : t('search.autocode.scopeAll', { count: total })}</Radio>
        <Radio value="checked" isDisabled={checked === 0}>{t('search.autocode.scopeChecked', { count: checked })}</Radio>
      </RadioGroup>
      <RadioGroup className="autocode__radios" value={extent} onChange={(v) => useSearch.getState().setExtent(v as AutocodeExtent)}>
        <Label className="search-filter__label">{t('search.autocode.extent')}</Label>
        {AUTOCODE_EXTENTS.map((e) => <Radio key={e} value={e}>{t(`search.autocode.extents.${e}`)}</Radio>)}
      </RadioGroup>
      <Button className="button button--primary autocode__go" isDisabled={total === 0 || !chosen} onPress={() => setPreviewing(true)}>
        {t('search.autocode.start')}
      </Button>
      {!chosen && total > 0 && <p className="muted autocode__note">{t('search.autocode.chooseCode')}</p>}
      {previewing && chosen && (
        <AutocodeDialog codeId={chosen.id} scope={effectiveScope} onClose={() => setPreviewing(false)} />
      )}
    </section>
  );
}
