// The export controls of the coded-segments list: CSV or Excel, coder names
// only when asked for, and — for anonymised output — the name check first
// (issue 9 §3–4): places where a passage names someone the project knows,
// each with a one-click "replace with [rol]".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Switch } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { BridgeError, call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import type { NamePlace } from '../../../src-shared/contracts/analysis.ts';
import type { SegmentExportFormat } from '../../../src-shared/contracts/exports.ts';
import { NameCheckDialog } from '../analysis/NameCheckDialog.tsx';
import { exportNamePlaces, exportSegments } from './actions.ts';

export function SegmentExport({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [coder, setCoder] = useState(false);
  const [check, setCheck] = useState<{ format: SegmentExportFormat; places: NamePlace[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async (format: SegmentExportFormat) => {
    setBusy(true);
    const places = await exportNamePlaces();
    setBusy(false);
    if (places.length > 0) setCheck({ format, places });
    else await exportSegments(format, coder);
  };
  const fix = async (place: NamePlace) => {
    if (!place.fix || !check) return;
    setBusy(true);
    try {
      await call('analysis.editQuote', { codingGuid: place.codingGuid, text: place.fix });
      await client.invalidateQueries({ queryKey: ['analysis', 'report'] });
      setCheck({ ...check, places: await exportNamePlaces() });
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="retrieval-export">
      <Switch className="switch" isSelected={coder} onChange={setCoder}>
        <span className="switch__track" aria-hidden="true" />{t('analysis.builder.coderNames')}
      </Switch>
      <Button className="tool tool--small" isDisabled={disabled || busy} onPress={() => void start('csv')}>{t('retrieval.export.csv')}</Button>
      <Button className="tool tool--small" isDisabled={disabled || busy} onPress={() => void start('xlsx')}>{t('retrieval.export.xlsx')}</Button>
      {check && (
        <NameCheckDialog places={check.places} busy={busy} onFix={(p) => void fix(p)} onCancel={() => setCheck(null)}
          onExport={() => { const { format } = check; setCheck(null); void exportSegments(format, coder); }} />
      )}
    </span>
  );
}
