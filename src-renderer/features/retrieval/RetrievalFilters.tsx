import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Select, SelectValue, Switch } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { SEGMENT_MODES, type SegmentMode } from '../../../src-shared/contracts/codings.ts';
import { useParticipants, useProjectInfo, useSources } from '../../state/queries.ts';
import { useRetrieval } from './retrieval-store.ts';

const ANY = '*';

interface Option {
  id: string;
  label: string;
}

/** One filter as a select with an "any" choice first. */
function FilterSelect({ label, any, options, value, onChange }: {
  label: string;
  any: string;
  options: Option[];
  value: string | null;
  onChange(value: string | null): void;
}) {
  const items = useMemo(() => [{ id: ANY, label: any }, ...options], [any, options]);
  return (
    <Select className="retrieval-filter" selectedKey={value ?? ANY} onSelectionChange={(k) => onChange(k === ANY ? null : String(k))}>
      <Label className="retrieval-label">{label}</Label>
      <Button className="tool retrieval-filter__button"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
      <Popover>
        <ListBox className="menu-list" items={items}>
          {(o) => <ListBoxItem id={o.id} className="menu-item" textValue={o.label}>{o.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** How the chosen codes combine, who is speaking, where, and whether names may show. */
export function RetrievalFilters() {
  const { t } = useTranslation();
  const mode = useRetrieval((s) => s.mode);
  const filters = useRetrieval((s) => s.filters);
  const anonymise = useRetrieval((s) => s.anonymise);
  const set = useRetrieval((s) => s.setFilter);
  const info = useProjectInfo(true).data;
  const participants = useParticipants().data;
  const sources = useSources().data;
  const users = useQuery({ queryKey: ['project', 'users'], queryFn: () => call('users.list', {}) }).data;

  const perspectives = useMemo(() => PERSPECTIVES.map((p) => ({ id: p, label: t(`perspective.${p}`) })), [t]);
  const regions = useMemo(() => (info?.regions ?? []).map((r) => ({ id: r, label: r })), [info]);
  // With anonymised display on, a participant is picked by role and perspective only.
  const people = useMemo(
    () => (participants ?? []).map((p) => {
      const role = p.role || (p.perspective ? t(`perspective.${p.perspective}`) : t('perspective.none'));
      return { id: String(p.id), label: anonymise ? `${role} (${p.id})` : `${p.name} — ${role}` };
    }),
    [participants, anonymise, t],
  );
  const transcripts = useMemo(() => (sources ?? []).map((s) => ({ id: String(s.id), label: s.name })), [sources]);
  const coders = useMemo(() => (users ?? []).map((u) => ({ id: String(u.id), label: u.name })), [users]);
  const num = (v: string | null) => (v === null ? null : Number(v));

  return (
    <div className="retrieval-filters">
      <RadioGroup className="retrieval-mode" orientation="horizontal" value={mode}
        onChange={(v) => useRetrieval.getState().setMode(v as SegmentMode)}>
        <Label className="retrieval-label">{t('retrieval.mode')}</Label>
        <div className="retrieval-mode__options">
          {SEGMENT_MODES.map((m) => <Radio key={m} value={m}>{t(`retrieval.modes.${m}`)}</Radio>)}
        </div>
      </RadioGroup>
      <div className="retrieval-filters__selects" role="group" aria-label={t('retrieval.filters')}>
        <FilterSelect label={t('retrieval.perspective')} any={t('retrieval.anyPerspective')} options={perspectives}
          value={filters.perspective} onChange={(v) => set('perspective', isPerspective(v) ? v : null)} />
        {regions.length > 0 && (
          <FilterSelect label={t('retrieval.region')} any={t('retrieval.anyRegion')} options={regions}
            value={filters.region} onChange={(v) => set('region', v)} />
        )}
        <FilterSelect label={t('retrieval.participant')} any={t('retrieval.anyParticipant')} options={people}
          value={filters.participantId === null ? null : String(filters.participantId)} onChange={(v) => set('participantId', num(v))} />
        <FilterSelect label={t('retrieval.source')} any={t('retrieval.anySource')} options={transcripts}
          value={filters.sourceId === null ? null : String(filters.sourceId)} onChange={(v) => set('sourceId', num(v))} />
        <FilterSelect label={t('retrieval.coder')} any={t('retrieval.anyCoder')} options={coders}
          value={filters.coderId === null ? null : String(filters.coderId)} onChange={(v) => set('coderId', num(v))} />
        <Switch className="retrieval-switch" isSelected={anonymise} onChange={(v) => useRetrieval.getState().setAnonymise(v)}>
          <span className="retrieval-switch__track" aria-hidden="true" />
          {t('retrieval.anonymise')}
        </Switch>
      </div>
    </div>
  );
}
