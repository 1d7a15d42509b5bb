// Reading participant attributes from a facesheet: which column recognises the
// participant, what every other column becomes (with a type), which column is
// the perspective and how its values map; a preview with every row's problems;
// then one undoable step.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import type { SheetMapping } from '../../../src-shared/contracts/exchange.ts';
import { PERSPECTIVES } from '../../../src-shared/domain/perspectives.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { invalidateTags } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { useExchange } from './exchange-store.ts';

const TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;

function Select({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  return (
    <label className="sheet__select">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

type Target = SheetMapping['columns'][number]['target'];

export function AttributeSheetDialog({ path }: { path: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mapping, setMapping] = useState<SheetMapping | undefined>(undefined);
  const preview = useQuery({
    queryKey: ['exchange', 'sheetPreview', path, JSON.stringify(mapping ?? null)],
    queryFn: () => call('exchange.sheetPreview', mapping ? { path, mapping } : { path }),
    gcTime: 0,
    retry: false,
    placeholderData: (previous) => previous,
  });
  const attributes = useQuery({ queryKey: ['attributes'], queryFn: () => call('attributes.list', {}) });
  const close = () => useExchange.getState().close();
  const current = mapping ?? preview.data?.mapping;
  const apply = useMutation({
    mutationFn: () => call('exchange.sheetApply', { path, mapping: current! }),
    onSuccess: (result) => {
      invalidateTags(client, ['participants']);
      useUi.getState().setStatus(t('exchange.sheet.applied', { participants: result.participants, values: result.values }));
      close();
    },
  });
  const p = preview.data?.preview;
  const update = (patch: Partial<SheetMapping>) => current && setMapping({ ...current, ...patch });
  const setTarget = (column: string, target: Target) =>
    current && update({ columns: current.columns.map((c) => (c.column === column ? { column, target } : c)) });
  // Every column that is neither key nor perspective has a row in the mapping.
  const rebuild = (keyColumn: string, perspectiveColumn: string | null) => {
    if (!current || !p) return;
    const columns = p.columns.filter((c) => c !== keyColumn && c !== perspectiveColumn).map((column) =>
      current.columns.find((m) => m.column === column) ?? {
        column, target: { kind: 'new' as const, name: column, type: p.guesses.find((g) => g.column === column)?.type ?? 'text' },
      });
    update({ keyColumn, perspectiveColumn, columns });
  };
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const problemRows = p?.rows.filter((r) => r.problems.length > 0) ?? [];
  const columnOptions = (p?.columns ?? []).map((c) => ({ value: c, label: c }));

  return (
    <Modal isOpen isDismissable={!apply.isPending} onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog dialog--wide exchange">
        <Heading slot="title">{t('exchange.sheet.dialogTitle', { file: fileName })}</Heading>
        {preview.isError && <ErrorState error={preview.error} />}
        {current && p && (
          <>
            <p className="muted">{t('exchange.sheet.intro')}</p>
            <div className="sheet__row">
              <Select label={t('exchange.sheet.keyColumn')} value={current.keyColumn} options={columnOptions}
                onChange={(v) => rebuild(v, current.perspectiveColumn === v ? null : current.perspectiveColumn)} />
              <Select label={t('exchange.sheet.matchBy')} value={current.matchBy}
                options={(['name', 'label', 'attribute'] as const).map((m) => ({ value: m, label: t(`exchange.sheet.match.${m}`) }))}
                onChange={(v) => update({ matchBy: v as SheetMapping['matchBy'], matchAttributeId: v === 'attribute' ? (current.matchAttributeId ?? attributes.data?.[0]?.id) : undefined })} />
              {current.matchBy === 'attribute' && (
                <Select label={t('exchange.sheet.matchAttribute')} value={String(current.matchAttributeId ?? '')}
                  options={(attributes.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
                  onChange={(v) => update({ matchAttributeId: Number(v) })} />
              )}
              <Select label={t('exchange.sheet.perspectiveColumn')} value={current.perspectiveColumn ?? ''}
                options={[{ value: '', label: t('exchange.sheet.noPerspective') }, ...columnOptions.filter((o) => o.value !== current.keyColumn)]}
                onChange={(v) => rebuild(current.keyColumn, v || null)} />
            </div>
            {Object.keys(p.perspectiveValues).length > 0 && (
              <div className="sheet__row">
                {Object.entries(p.perspectiveValues).map(([value, perspective]) => (
                  <Select key={value} label={t('exchange.sheet.perspectiveValue', { value })} value={perspective ?? ''}
                    options={[{ value: '', label: t('perspective.none') }, ...PERSPECTIVES.map((k) => ({ value: k, label: t(`perspective.${k}`) }))]}
                    onChange={(v) => update({ perspectiveValues: { ...current.perspectiveValues, [value]: (v || null) as SheetMapping['perspectiveValues'][string] } })} />
                ))}
              </div>
            )}
            <div className="sheet__columns">
              {current.columns.map(({ column, target }) => (
                <div key={column} className="sheet__row">
                  <Select label={t('exchange.sheet.columnTarget', { column })} value={target.kind}
                    options={(['new', 'existing', 'role', 'ignore'] as const).map((k) => ({ value: k, label: t(`exchange.sheet.target.${k}`) }))}
                    onChange={(v) => setTarget(column, v === 'existing' ? { kind: 'existing', attributeId: attributes.data?.[0]?.id ?? 0 }
                      : v === 'new' ? { kind: 'new', name: column, type: p.guesses.find((g) => g.column === column)?.type ?? 'text' }
                      : { kind: v as 'role' | 'ignore' })} />
                  {target.kind === 'new' && (
                    <Select label={t('exchange.sheet.typeLabel', { column })} value={target.type}
                      options={TYPES.map((k) => ({ value: k, label: t(`exchange.sheet.type.${k}`) }))}
                      onChange={(v) => setTarget(column, { ...target, type: v as (typeof TYPES)[number] })} />
                  )}
                  {target.kind === 'existing' && (
                    <Select label={t('exchange.sheet.attributeLabel', { column })} value={String(target.attributeId)}
                      options={(attributes.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
                      onChange={(v) => setTarget(column, { kind: 'existing', attributeId: Number(v) })} />
                  )}
                </div>
              ))}
            </div>
            <p className="exchange__lead" role="status">
              {t('exchange.sheet.summary', { matched: p.matched, rows: p.rows.length, values: p.valuesToSet })}
              {p.newAttributes.length > 0 && ` ${t('exchange.sheet.newAttributes', { names: p.newAttributes.join(', ') })}`}
            </p>
            <section className="exchange__section" aria-labelledby="sheet-problems">
              <h3 id="sheet-problems" className="exchange__heading">{t('exchange.sheet.problemsTitle')}</h3>
              {problemRows.length === 0 ? <p className="muted">{t('exchange.sheet.noProblems')}</p> : (
                <ul className="exchange__losses">
                  {problemRows.map((r) => (
                    <li key={r.row}>
                      <strong>{t('exchange.sheet.row', { row: r.row })}</strong>: {r.problems.map((x) => t(`exchange.sheet.problem.${x.kind}`, { value: x.value, column: x.column })).join('; ')}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
        {apply.isError && <ErrorState error={apply.error} />}
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('exchange.ui.cancel')}</Button>
          <Button className="button button--primary" isDisabled={!p || p.valuesToSet === 0 || apply.isPending} onPress={() => apply.mutate()}>
            {t('exchange.sheet.apply')}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
