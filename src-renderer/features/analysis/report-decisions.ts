// The report builder's data: the stored settings and the report model, and the
// mutations that change the stored decisions (each one undoable step in main).
// Writes are chained in one mutation scope so a quick second click never
// overtakes the first; every write refreshes the model before it settles.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import type { ReportSettings, ReportSettingsPatch } from '../../../src-shared/contracts/analysis.ts';

export const reportKeys = {
  all: ['analysis', 'report'] as const,
  settings: ['analysis', 'report', 'settings'] as const,
  model: ['analysis', 'report', 'model'] as const,
};

export const useReportSettings = () => useQuery({ queryKey: reportKeys.settings, queryFn: () => call('analysis.reportSettings', {}) });
export const useReportModel = () => useQuery({ queryKey: reportKeys.model, queryFn: () => call('analysis.report', {}) });

const notice = (err: unknown) => useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));

export function useReportMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: reportKeys.all });
  const scope = { id: 'report-decisions' };
  const settings = useMutation({
    scope,
    mutationFn: (patch: ReportSettingsPatch) => call('analysis.setReportSettings', patch),
    // The switch moves at once; the stored value comes back with the refresh.
    onMutate: (patch) => client.setQueryData<ReportSettings>(reportKeys.settings, (old) => (old ? { ...old, ...patch } as ReportSettings : old)),
    onError: notice,
    onSettled: refresh,
  });
  const omit = useMutation({
    scope,
    mutationFn: (input: { codingGuids: string[]; omitted: boolean }) => call('analysis.omitQuotes', input),
    onError: notice,
    onSettled: refresh,
  });
  const edit = useMutation({
    scope,
    mutationFn: (input: { codingGuid: string; text: string | null }) => call('analysis.editQuote', input),
    onError: notice,
    onSettled: refresh,
  });
  return { settings, omit, edit };
}
