import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, CheckboxGroup, Input, Label, ListBox, ListBoxItem, NumberField, Popover, Select, SelectValue, Switch } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useCodes, useSources } from '../../state/queries.ts';
import { useAgreementUi } from './agreement-store.ts';

const REPLICATE_CHOICES = [0, 200, 1000] as const;

/** Descendants of a code (its whole branch), from a flat list with parent ids. */
function branchOf(codes: readonly { id: number; parentId: number | null }[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of codes) if (c.parentId === out[i]) out.push(c.id);
  return out;
}

/** Who is compared, on which codes and transcripts, and how. */
export function SetupForm({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const draft = useAgreementUi((s) => s.draft);
  const setDraft = useAgreementUi((s) => s.setDraft);
  const compute = useAgreementUi((s) => s.compute);
  const users = useQuery({ queryKey: ['project', 'users'], queryFn: () => call('users.list', {}) });
  const codes = useCodes(null);
  const sources = useSources();
  const depth = useMemo(() => {
    const byId = new Map((codes.data ?? []).map((c) => [c.id, c]));
    const d = (id: number | null, n = 0): number => (id === null || n > 20 ? n : d(byId.get(id)?.parentId ?? null, n + 1));
    return (id: number) => d(byId.get(id)?.parentId ?? null);
  }, [codes.data]);
  const selectedCodes = new Set(draft.codeIds ?? []);
  const toggleCode = (id: number, on: boolean) => {
    const branch = branchOf(codes.data ?? [], id);
    const next = new Set(selectedCodes);
    for (const c of branch) {
      if (on) next.add(c);
      else next.delete(c);
    }
    setDraft({ codeIds: [...next] });
  };
  const ready = draft.coders.length >= 2 && (draft.codeIds === null || draft.codeIds.length > 0) && (draft.sourceIds === null || draft.sourceIds.length > 0);

  return (
    <form className="agreement-setup" aria-label={t('agreement.setup')} onSubmit={(e) => { e.preventDefault(); if (ready) compute(); }}>
      <CheckboxGroup className="agreement-setup__group" value={draft.coders} onChange={(coders) => setDraft({ coders })}>
        <Label className="agreement-setup__label">{t('agreement.coders')}</Label>
        <div className="agreement-setup__options">
          {(users.data ?? []).map((u) => <Checkbox key={u.id} value={u.name} className="checkbox">{u.name}</Checkbox>)}
        </div>
        {draft.coders.length < 2 && <p className="muted agreement-setup__hint">{t('agreement.codersHint')}</p>}
      </CheckboxGroup>

      <fieldset className="agreement-setup__group">
        <legend className="agreement-setup__label">{t('agreement.codes')}</legend>
        <Switch className="switch" isSelected={draft.codeIds === null} onChange={(all) => setDraft({ codeIds: all ? null : [] })}>
          <span className="switch__track" aria-hidden="true" />{t('agreement.allUsedCodes')}
        </Switch>
        {draft.codeIds !== null && (
          <div className="agreement-setup__list">
            <p className="muted agreement-setup__hint">{t('agreement.branchHint')}</p>
            {(codes.data ?? []).map((c) => (
              <Checkbox key={c.id} className="checkbox agreement-setup__code" style={{ paddingLeft: depth(c.id) * 16 }}
                isSelected={selectedCodes.has(c.id)} onChange={(on) => toggleCode(c.id, on)}>
                {c.name}
              </Checkbox>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="agreement-setup__group">
        <legend className="agreement-setup__label">{t('agreement.sources')}</legend>
        <Switch className="switch" isSelected={draft.sourceIds === null} onChange={(all) => setDraft({ sourceIds: all ? null : [] })}>
          <span className="switch__track" aria-hidden="true" />{t('agreement.allSources')}
        </Switch>
        {draft.sourceIds !== null && (
          <CheckboxGroup aria-label={t('agreement.sources')} className="agreement-setup__list" value={draft.sourceIds.map(String)}
            onChange={(ids) => setDraft({ sourceIds: ids.map(Number) })}>
            {(sources.data ?? []).map((s) => <Checkbox key={s.id} value={String(s.id)} className="checkbox">{s.name}</Checkbox>)}
          </CheckboxGroup>
        )}
      </fieldset>

      <div className="agreement-setup__row">
        <NumberField className="field-inline" minValue={1} maxValue={100} step={1} value={draft.threshold} onChange={(v) => setDraft({ threshold: Number.isFinite(v) ? v : 90 })}>
          <Label className="agreement-setup__field">{t('agreement.threshold')}</Label>
          <Input className="text-input agreement-setup__number" />
        </NumberField>
        <Switch className="switch" isSelected={draft.skipInterviewer} onChange={(skipInterviewer) => setDraft({ skipInterviewer })}>
          <span className="switch__track" aria-hidden="true" />{t('agreement.skipInterviewer')}
        </Switch>
        <Select className="field-inline" selectedKey={String(draft.replicates)} onSelectionChange={(k) => setDraft({ replicates: Number(k) })}>
          <Label className="agreement-setup__field">{t('agreement.replicates')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover>
            <ListBox className="menu-list">
              {REPLICATE_CHOICES.map((n) => (
                <ListBoxItem key={n} id={String(n)} className="menu-item">{n === 0 ? t('agreement.replicatesNone') : t('agreement.replicatesN', { count: n })}</ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        <Button type="submit" className="tool agreement-setup__compute" isDisabled={!ready || busy}>
          {busy ? t('agreement.computing') : t('agreement.compute')}
        </Button>
      </div>
    </form>
  );
}
