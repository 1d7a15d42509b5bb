import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, ListBox, ListBoxItem, SearchField, Switch, Tag, TagGroup, TagList } from 'react-aria-components';
import { useCodes } from '../../state/queries.ts';
import type { CodeRow } from '../../../src-shared/contracts/codebook.ts';
import { useRetrieval } from './retrieval-store.ts';

interface PickRow {
  code: CodeRow;
  depth: number;
  path: string;
}

/** The codebook in tree order with each code's depth and path (for indentation and for finding a code by its group). */
function flatten(codes: CodeRow[]): PickRow[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return codes.map((code) => {
    const names: string[] = [];
    for (let p = code.parentId === null ? undefined : byId.get(code.parentId); p; p = p.parentId === null ? undefined : byId.get(p.parentId)) names.unshift(p.name);
    return { code, depth: names.length, path: [...names, code.name].join(' › ') };
  });
}

/**
 * A searchable multi-select of the codebook: type to narrow the list, Space
 * or click to switch a code on or off. The chosen codes stay visible as tags
 * (in the order chosen: for AND the first code is the anchor). When a chosen
 * code has sub-codes, a switch says whether they count (on by default); the
 * counts in the list follow it, as the codebook shows a code's whole subtree.
 */
export function CodePicker() {
  const { t } = useTranslation();
  const codes = useCodes(null).data;
  const codeIds = useRetrieval((s) => s.codeIds);
  const subcodes = useRetrieval((s) => s.subcodes);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => flatten(codes ?? []), [codes]);
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase('nl');
    return q ? rows.filter((r) => r.path.toLocaleLowerCase('nl').includes(q)) : rows;
  }, [rows, filter]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.code.id, r.code])), [rows]);
  const chosen = codeIds.map((id) => byId.get(id)).filter((c): c is CodeRow => c !== undefined);
  const parents = useMemo(() => new Set(rows.flatMap((r) => (r.code.parentId === null ? [] : [r.code.parentId]))), [rows]);
  const chosenParent = chosen.some((c) => parents.has(c.id));

  const onSelection = (keys: 'all' | Set<React.Key>) => {
    if (keys === 'all') return;
    const next = new Set([...keys].map(Number));
    // Keep the order in which codes were chosen; codes hidden by the search stay chosen.
    const visible = new Set(shown.map((r) => r.code.id));
    const kept = codeIds.filter((id) => next.has(id) || !visible.has(id));
    useRetrieval.getState().setCodes([...kept, ...[...next].filter((id) => !kept.includes(id))]);
  };

  return (
    <section className="retrieval-codes" aria-labelledby="retrieval-codes-title">
      <h3 id="retrieval-codes-title" className="retrieval-section-title">{t('retrieval.codes')}</h3>
      {chosen.length > 0 && (
        <div className="retrieval-chosen">
          <TagGroup aria-label={t('retrieval.chosen')} onRemove={(keys) => useRetrieval.getState().setCodes(codeIds.filter((id) => !keys.has(id)))}>
            <TagList className="retrieval-tags" items={chosen}>
              {(c) => (
                <Tag id={c.id} className="retrieval-tag" textValue={c.name}>
                  <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                  <span className="retrieval-tag__name">{c.name}</span>
                  <Button slot="remove" className="retrieval-tag__remove" aria-label={t('retrieval.remove', { name: c.name })}>×</Button>
                </Tag>
              )}
            </TagList>
          </TagGroup>
          <Button className="tool tool--small" onPress={() => useRetrieval.getState().setCodes([])}>{t('retrieval.clearCodes')}</Button>
        </div>
      )}
      {chosenParent && (
        <Switch className="retrieval-switch" isSelected={subcodes} onChange={(v) => useRetrieval.getState().setSubcodes(v)}>
          <span className="retrieval-switch__track" aria-hidden="true" />
          {t('retrieval.subcodes')}
        </Switch>
      )}
      <SearchField className="retrieval-code-search" value={filter} onChange={setFilter}>
        <Label className="retrieval-label">{t('retrieval.codeSearch')}</Label>
        <Input className="retrieval-input" />
      </SearchField>
      <ListBox className="retrieval-code-list" aria-label={t('retrieval.codeList')} aria-describedby="retrieval-code-hint"
        selectionMode="multiple" selectedKeys={new Set(codeIds)} onSelectionChange={onSelection} items={shown}
        // The rows show counts that follow the switch: re-render them when it changes.
        dependencies={[subcodes]}
        renderEmptyState={() => <p className="muted retrieval-code-list__empty">{t('retrieval.noCodeMatch')}</p>}>
        {(r) => (
          <ListBoxItem id={r.code.id} textValue={r.path} className="retrieval-code">
            <span className="retrieval-code__check" aria-hidden="true" />
            <span className="retrieval-code__name" style={{ paddingLeft: filter ? 0 : r.depth * 12 }}>
              <span className="swatch" style={{ background: r.code.color }} aria-hidden="true" />
              <span className={r.code.role === 'code' ? '' : 'retrieval-code__group'}>{filter ? r.path : r.code.name}</span>
            </span>
            <span className="count">{subcodes ? r.code.totals.segments : r.code.counts.segments}</span>
          </ListBoxItem>
        )}
      </ListBox>
      <p id="retrieval-code-hint" className="muted retrieval-hint">{t('retrieval.codeListHint')}</p>
    </section>
  );
}
