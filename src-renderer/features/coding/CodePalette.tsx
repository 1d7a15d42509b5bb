import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Input, Label, ListBox, ListBoxItem, Modal, ModalOverlay, SearchField } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { useCodes } from '../../state/queries.ts';
import { applyNewCode, applyToSelection, recodeCodings } from './actions.ts';
import { useCoding } from './coding-store.ts';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Each code's ancestors ("Bouwsteen › Thema"), so equal names under different parents are told apart. */
function parentPaths(codes: readonly CodeRow[]): Map<number, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<number, string>();
  const pathOf = (c: CodeRow): string => {
    const known = paths.get(c.id);
    if (known !== undefined) return known;
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    const path = parent ? [pathOf(parent), parent.name].filter(Boolean).join(' › ') : '';
    paths.set(c.id, path);
    return path;
  };
  codes.forEach(pathOf);
  return paths;
}

const NEW = 'new';

/**
 * A searchable list of all codes with their parent path; Enter applies the
 * first to the selection (or moves the codings being recoded). A name that does
 * not exist is offered as a new code. Escape and a click outside close it from
 * any state (also while the search field holds text).
 */
export function CodePalette() {
  const { t } = useTranslation();
  const open = useUi((s) => s.paletteOpen);
  const target = useCoding((s) => s.target);
  const recode = useCoding((s) => s.recode);
  const hasSelection = useUi((s) => s.textSelection !== null) || target !== null || recode !== null;
  const codes = useCodes(null).data ?? [];
  const [query, setQuery] = useState('');
  const paths = useMemo(() => parentPaths(codes), [codes]);
  const items = useMemo(() => codes.filter((c) => fold(c.name).includes(fold(query))).slice(0, 200), [codes, query]);
  const name = query.trim();
  const offerNew = name.length > 0 && recode === null && !codes.some((c) => fold(c.name) === fold(name));
  if (!open) return null;
  const close = () => {
    setQuery('');
    useCoding.getState().setTarget(null);
    useCoding.getState().setRecode(null);
    useUi.getState().setPaletteOpen(false);
  };
  const choose = (key: number | typeof NEW) => {
    if (!hasSelection) return;
    if (key === NEW) void applyNewCode(name).then(close);
    else if (recode) void recodeCodings(recode.ids, key).then(close);
    else void applyToSelection(key).then(close);
  };
  const rows = [...items.map((c) => ({ id: c.id as number | typeof NEW, code: c })), ...(offerNew ? [{ id: NEW as number | typeof NEW, code: null }] : [])];
  return (
    // The overlay is the backdrop, the modal only the box: a click on the backdrop is outside and closes.
    <ModalOverlay isOpen isDismissable onOpenChange={(o) => !o && close()} className="modal">
      <Modal className="palette-modal">
      <Dialog className="dialog palette" aria-label={recode ? t('workspace.palette.recodeTitle') : t('coding.paletteTitle')}>
        {/* Capture: the search field would otherwise spend Escape on clearing its text. */}
        <div
          onKeyDownCapture={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            close();
          }}
        >
          <Heading slot="title">{recode ? t('workspace.palette.recodeTitle') : t('coding.paletteTitle')}</Heading>
          {target && (
            <p className="palette__target" role="note">
              {target.kind === 'turn' ? t('reader.target.turn', { speaker: target.speaker }) : t('reader.target.speaker', { speaker: target.speaker, count: target.ranges.length })}
            </p>
          )}
          {recode && (
            <p className="palette__target" role="note">{t('workspace.palette.recodeTarget', { count: recode.ids.length, code: recode.codeName })}</p>
          )}
          {!hasSelection && <p className="warning" role="note">{t('coding.noSelection')}</p>}
          <SearchField className="field" value={query} onChange={setQuery} autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && rows[0]) choose(rows[0].id);
            }}>
            <Label>{t('coding.search')}</Label>
            <Input />
          </SearchField>
          <ListBox
            aria-label={t('coding.paletteTitle')}
            className="palette__list"
            items={rows}
            renderEmptyState={() => <p className="muted">{t('coding.noMatch')}</p>}
            onAction={(key) => choose(key === NEW ? NEW : Number(key))}
          >
            {(row) => row.code ? (
              <ListBoxItem id={row.id} textValue={row.code.name} className="menu-item palette__item">
                <span className="swatch" style={{ background: row.code.color }} aria-hidden="true" />
                <span className="palette__name">{row.code.name}</span>
                {paths.get(row.code.id) && <span className="palette__path muted">{paths.get(row.code.id)}</span>}
              </ListBoxItem>
            ) : (
              <ListBoxItem id={NEW} textValue={t('workspace.palette.newCode', { name })} className="menu-item palette__item palette__item--new">
                <span aria-hidden="true">+</span> {t('workspace.palette.newCode', { name })}
              </ListBoxItem>
            )}
          </ListBox>
        </div>
      </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
