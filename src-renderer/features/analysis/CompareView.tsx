import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, TextField } from 'react-aria-components';
import { call, BridgeError } from '../../bridge.ts';
import { useCodes } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import type { CellSegment, ComparisonTagKind } from '../../../src-shared/contracts/analysis.ts';
import { isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * One code, four columns (one per perspective): where do perspectives agree
 * or contradict? A reviewer marks a segment, or a pair across columns, as
 * "sluit aan" / "spreekt tegen", with an optional note. Every mark is undoable.
 */
export function CompareView() {
  const { t } = useTranslation();
  const codes = useCodes(null);
  const [codeId, setCodeId] = useState<number | null>(null);
  const [pending, setPending] = useState<CellSegment | null>(null);
  const [note, setNote] = useState('');
  const view = useQuery({
    queryKey: ['analysis', 'comparison', codeId],
    queryFn: () => call('analysis.comparison', { codeId: codeId! }),
    enabled: codeId !== null,
  });
  const textOf = new Map((view.data?.columns ?? []).flatMap((c) => c.segments.map((s) => [s.codingId, s.text] as const)));

  const tag = async (codingId: number, kind: ComparisonTagKind, otherCodingId?: number) => {
    try {
      await call('analysis.tag', { codeId: codeId!, codingId, tag: kind, note, ...(otherCodingId ? { otherCodingId } : {}) });
      setPending(null);
      setNote('');
      useUi.getState().setStatus(t(`analysis.history.${kind}`));
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    }
  };
  const untag = async (id: number) => {
    try {
      await call('analysis.untag', { id });
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    }
  };

  return (
    <div className="compare">
      <div className="matrix-view__controls">
        {/* Disabled until the codes are there: typed into an empty list, the picker stays closed when they arrive. */}
        <ComboBox className="field-inline compare__picker" selectedKey={codeId} onSelectionChange={(k) => { setCodeId(k === null ? null : Number(k)); setPending(null); }}
          isDisabled={codes.data === undefined}
          defaultItems={(codes.data ?? []).map((c) => ({ id: c.id, name: c.name, depth: c.parentId === null ? 0 : 1 }))}>
          <Label>{t('analysis.compare.code')}</Label>
          <Input className="text-input" />
          <Button className="tool tool--small" aria-label={t('analysis.compare.code')}><span aria-hidden="true">▾</span></Button>
          <Popover>
            <ListBox className="menu-list compare__options">
              {(item: { id: number; name: string; depth: number }) => (
                <ListBoxItem id={item.id} textValue={item.name} className="menu-item" style={{ paddingLeft: 8 + item.depth * 14 }}>{item.name}</ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
        <TextField className="field-inline" value={note} onChange={setNote}>
          <Label>{t('analysis.compare.note')}</Label>
          <Input className="text-input compare__note" />
        </TextField>
      </div>
      {codeId === null && <p className="muted">{t('analysis.compare.choose')}</p>}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {pending && (
        <p className="compare__pending" role="status">
          {t('analysis.compare.pairHint', { text: short(pending.text) })}{' '}
          <Button className="tool tool--small" onPress={() => setPending(null)}>{t('analysis.compare.cancelPair')}</Button>
        </p>
      )}
      {view.data && (
        <div className="compare__columns">
          {view.data.columns.map((col) => (
            <section key={col.perspective} className="compare__column" aria-labelledby={`compare-${col.perspective}`}>
              <h3 id={`compare-${col.perspective}`} className="compare__head">
                {isPerspective(col.perspective) && <PerspectiveBadge perspective={col.perspective} />}
                <span className="muted">{t('analysis.compare.column', { count: col.segments.length, participants: col.participants })}</span>
              </h3>
              {col.segments.length === 0 && <p className="muted">{t('analysis.compare.none')}</p>}
              {col.segments.map((s) => {
                const tags = view.data.tags.filter((x) => x.codingId === s.codingId || x.otherCodingId === s.codingId);
                return (
                  <article key={s.codingId} className={`compare__segment${pending?.codingId === s.codingId ? ' compare__segment--pending' : ''}`} aria-label={short(s.text)}>
                    <blockquote className="cell-segment__text" style={{ borderColor: s.color }}>{s.text}</blockquote>
                    <p className="compare__meta muted">{s.role ? `${s.role} · ` : ''}{s.sourceName}</p>
                    {tags.length > 0 && (
                      <ul className="compare__tags">
                        {tags.map((x) => {
                          const other = x.otherCodingId === null ? null : x.codingId === s.codingId ? x.otherCodingId : x.codingId;
                          return (
                            <li key={x.id} className={`compare__tag compare__tag--${x.tag}`}>
                              <span>
                                {other === null ? t(`analysis.compare.${x.tag}`) : t('analysis.compare.pairedWith', { tag: t(`analysis.compare.${x.tag}`), other: short(textOf.get(other) ?? '') })}
                                {x.note && <span className="compare__tag-note"> — {x.note}</span>}
                              </span>
                              <Button className="tool tool--small" aria-label={t('analysis.compare.remove')} onPress={() => void untag(x.id)}>×</Button>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                    <div className="compare__actions">
                      {pending && pending.codingId !== s.codingId ? (
                        <>
                          <Button className="tool tool--small" onPress={() => void tag(pending.codingId, 'agrees', s.codingId)}>{t('analysis.compare.agrees')}</Button>
                          <Button className="tool tool--small" onPress={() => void tag(pending.codingId, 'contradicts', s.codingId)}>{t('analysis.compare.contradicts')}</Button>
                        </>
                      ) : !pending && (
                        <>
                          <Button className="tool tool--small" onPress={() => void tag(s.codingId, 'agrees')}>{t('analysis.compare.agrees')}</Button>
                          <Button className="tool tool--small" onPress={() => void tag(s.codingId, 'contradicts')}>{t('analysis.compare.contradicts')}</Button>
                          <Button className="tool tool--small" onPress={() => setPending(s)}>{t('analysis.compare.pairWith')}</Button>
                        </>
                      )}
                    </div>
                  </article>
                );
              })}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
