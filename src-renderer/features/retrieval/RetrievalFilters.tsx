import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Label, Radio, RadioGroup, Switch } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { SEGMENT_MODES } from '../../../src-shared/contracts/constants.ts';
import type { SegmentMode } from '../../../src-shared/contracts/codings.ts';
import { useParticipants, useProjectInfo, useSources } from '../../state/queries.ts';
import { useRetrieval } from './retrieval-store.ts';

const FILTER_CLASSES = { root: 'retrieval-filter', label: 'retrieval-label', button: 'retrieval-filter__button' };

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
        <FilterSelect classes={FILTER_CLASSES} label={t('retrieval.perspective')} any={t('retrieval.anyPerspective')} options={perspectives}
          value={filters.perspective} onChange={(v) => set('perspective', isPerspective(v) ? v : null)} />
        {regions.length > 0 && (
          <FilterSelect classes={FILTER_CLASSES} label={t('retrieval.region')} any={t('retrieval.anyRegion')} options={regions}
            value={filters.region} onChange={(v) => set('region', v)} />
        )}
        <FilterSelect classes={FILTER_CLASSES} label={t('retrieval.participant')} any={t('retrieval.anyParticipant')} options={people}
          value={filters.participantId === null ? null : String(filters.participantId)} onChange={(v) => set('participantId', num(v))} />
        <FilterSelect classes={FILTER_CLASSES} label={t('retrieval.source')} any={t('retrieval.anySource')} options={transcripts}
          value={filters.sourceId === null ? null : String(filters.sourceId)} onChange={(v) => set('sourceId', num(v))} />
        <FilterSelect classes={FILTER_CLASSES} label={t('retrieval.coder')} any={t('retrieval.anyCoder')} options={coders}
          value={filters.coderId === null ? null : String(filters.coderId)} onChange={(v) => set('coderId', num(v))} />
        <Switch className="retrieval-switch" isSelected={anonymise} onChange={(v) => useRetrieval.getState().setAnonymise(v)}>
          <span className="retrieval-switch__track" aria-hidden="true" />
          {t('retrieval.anonymise')}
        </Switch>
      </div>
    </div>
  );
}
