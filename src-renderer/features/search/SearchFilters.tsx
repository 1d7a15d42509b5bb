import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Switch } from 'react-aria-components';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { useAttributes, useCodes, useParticipants, useSources } from '../../state/queries.ts';
import { useSearch } from './search-store.ts';

const FILTER_CLASSES = { root: 'search-filter', label: 'search-filter__label', button: 'search-filter__button' };

/**
 * Perspective, learning region, participant and transcript filters, whether
 * interviewer questions count, and "only in passages coded with" a code — with
 * its sub-codes unless switched off (the switch shows for a code that has them).
 */
export function SearchFilters() {
  const { t } = useTranslation();
  const filters = useSearch((s) => s.filters);
  const setFilter = useSearch((s) => s.setFilter);
  const participants = useParticipants().data;
  const attributes = useAttributes().data;
  const sources = useSources().data;
  const codes = useCodes(null).data;

  const regionId = attributes?.find((a) => a.key === 'region')?.id;
  const regions = useMemo(() => {
    const set = new Set<string>();
    for (const p of participants ?? []) {
      const v = regionId === undefined ? undefined : p.values[regionId];
      if (v) set.add(v);
    }
    for (const c of attributes?.find((a) => a.id === regionId)?.choices ?? []) set.add(c);
    return [...set].sort((a, b) => a.localeCompare(b, 'nl')).map((r) => ({ id: r, label: r }));
  }, [participants, attributes, regionId]);
  const perspectives = useMemo(() => PERSPECTIVES.map((p) => ({ id: p, label: t(`perspective.${p}`) })), [t]);
  // Participants go by role and perspective, as everywhere their words are shown; the name is for the navigator.
  const people = useMemo(
    () => (participants ?? []).map((p) => ({
      id: String(p.id),
      label: [p.role || (p.perspective ? t(`perspective.${p.perspective}`) : ''), p.name].filter(Boolean).join(' — '),
    })),
    [participants, t],
  );
  const transcripts = useMemo(() => (sources ?? []).map((s) => ({ id: String(s.id), label: s.name })), [sources]);
  // Codes in tree order, named by their path so a sub-code is recognisable in a closed select.
  const codeOptions = useMemo(() => {
    const byId = new Map((codes ?? []).map((c) => [c.id, c]));
    const path = (id: number | null): string[] => {
      const c = id === null ? undefined : byId.get(id);
      return c ? [...path(c.parentId), c.name] : [];
    };
    return (codes ?? []).map((c) => ({ id: String(c.id), label: path(c.id).join(' › ') }));
  }, [codes]);
  const hasSubcodes = filters.codeId !== null && (codes ?? []).some((c) => c.parentId === filters.codeId);

  return (
    <div className="search-filters" role="group" aria-label={t('search.filters')}>
      <FilterSelect classes={FILTER_CLASSES} label={t('search.perspective')} any={t('search.anyPerspective')} options={perspectives}
        value={filters.perspective} onChange={(v) => setFilter('perspective', isPerspective(v) ? v : null)} />
      {regions.length > 0 && (
        <FilterSelect classes={FILTER_CLASSES} label={t('search.region')} any={t('search.anyRegion')} options={regions}
          value={filters.region} onChange={(v) => setFilter('region', v)} />
      )}
      <FilterSelect classes={FILTER_CLASSES} label={t('search.participant')} any={t('search.anyParticipant')} options={people}
        value={filters.participantId === null ? null : String(filters.participantId)}
        onChange={(v) => setFilter('participantId', v === null ? null : Number(v))} />
      <FilterSelect classes={FILTER_CLASSES} label={t('search.source')} any={t('search.anySource')} options={transcripts}
        value={filters.sourceId === null ? null : String(filters.sourceId)}
        onChange={(v) => setFilter('sourceId', v === null ? null : Number(v))} />
      <FilterSelect classes={FILTER_CLASSES} label={t('search.code')} any={t('search.anyCode')} options={codeOptions}
        value={filters.codeId === null ? null : String(filters.codeId)}
        onChange={(v) => setFilter('codeId', v === null ? null : Number(v))} />
      {hasSubcodes && (
        <Switch className="search-switch" isSelected={filters.subcodes} onChange={(v) => setFilter('subcodes', v)}>
          <span className="search-switch__track" aria-hidden="true" />
          {t('search.subcodes')}
        </Switch>
      )}
      <Switch className="search-switch" isSelected={filters.interviewer} onChange={(v) => setFilter('interviewer', v)}>
        <span className="search-switch__track" aria-hidden="true" />
        {t('search.interviewer')}
      </Switch>
    </div>
  );
}
