import { useEffect, useRef, useState } from 'react';
import { leakChecked } from '../pseudonymise/leak-guard.ts';
import { useTranslation } from 'react-i18next';
import { Button, Disclosure, DisclosurePanel, Heading, Input, Label, ListBox, ListBoxItem, NumberField, Popover, Radio, RadioGroup, Select, SelectValue, Switch } from 'react-aria-components';
import { bridge, call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { REPORT_FORMATS } from '../../../src-shared/contracts/constants.ts';
import type { NamePlace, ReportFormat, ReportSection, ReportSettings, ReportStructure } from '../../../src-shared/contracts/analysis.ts';
import { DEFAULT_THRESHOLDS, validThresholds, type QuantifierThresholds } from '../../../src-shared/domain/quantifiers.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ReportQuoteItem } from './ReportQuoteItem.tsx';
import { GroupedBars } from './GroupedBars.tsx';
import { PERSPECTIVE_COLORS } from './chart-data.ts';
import { pngBase64 } from './chart-export.ts';
import { NameCheckDialog } from './NameCheckDialog.tsx';
import { ReportLabels } from './ReportLabels.tsx';
import { useReportModel, useReportMutations, useReportSettings } from './report-decisions.ts';

/** Thresholds as typed: stored only once they are in order. */
function Thresholds({ stored, onSave }: { stored: QuantifierThresholds; onSave(t: QuantifierThresholds): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const change = (k: keyof QuantifierThresholds, v: number) => {
    const next = { ...draft, [k]: (Number.isFinite(v) ? v : 0) / 100 };
    setDraft(next);
    if (validThresholds(next)) onSave(next);
  };
  return (
    <fieldset className="report-builder__fieldset">
      <legend>{t('analysis.builder.thresholds')}</legend>
      {(['few', 'several', 'many'] as const).map((k) => (
        <NumberField key={k} className="field-inline" value={Math.round(draft[k] * 100)} minValue={1} maxValue={99} onChange={(v) => change(k, v)}>
          <Label>{t(`analysis.builder.threshold.${k}`)}</Label>
          <Input className="text-input report-builder__number" />
        </NumberField>
      ))}
      {!validThresholds(draft) && <p className="report-quote__error" role="alert">{t('analysis.builder.thresholdOrder')}</p>}
    </fieldset>
  );
}

/**
 * The report builder: choose a structure, read the report as it will be
 * exported, leave quotes out, shorten them or replace names, export. Every
 * choice is stored in the project (one undoable step each), so it is the same
 * after a restart, in every format and in `duiding report`.
 */
export function ReportView() {
  const { t } = useTranslation();
  const settings = useReportSettings();
  const model = useReportModel();
  const { settings: setSettings, omit, edit } = useReportMutations();
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [busy, setBusy] = useState(false);
  const [names, setNames] = useState<NamePlace[] | null>(null);
  const [step, setStep] = useState<'model' | 'render' | 'write' | 'done' | null>(null);
  useEffect(() => bridge().on('report.progress', ({ step: s }) => setStep(s)), []);
  const chartRef = useRef<SVGSVGElement | null>(null);
  const s: ReportSettings | undefined = settings.data;
  const set = (patch: Parameters<typeof setSettings.mutate>[0]) => setSettings.mutate(patch);
  const chart = model.data && model.data.blockChart.groups.length > 0 ? {
    ...model.data.blockChart,
    series: model.data.blockChart.series.map((label, i) => ({ label, color: PERSPECTIVE_COLORS[i]! })),
  } : null;

  const writeFile = async () => {
    setNames(null);
    setBusy(true);
    try {
      const path = await call('shell.saveFileDialog', { defaultName: t('analysis.builder.fileName'), extension: format });
      if (!path) return;
      useUi.getState().setStatus(t('analysis.builder.exporting'));
      const svg = chartRef.current;
      const charts = svg && chart && ['docx', 'html', 'pdf'].includes(format)
        ? [{ title: chart.title, png: await pngBase64(svg), width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height }]
        : [];
      const result = await leakChecked((acceptLeaks) => call('analysis.exportReport', { format, path, charts, acceptLeaks }));
      if (!result) return useUi.getState().setStatus(t('pseudonymise.leak.stopped'));
      useUi.getState().setStatus(t('analysis.builder.exported', { file: result.path.split(/[\\/]/).pop() }));
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    } finally {
      setBusy(false);
    }
  };
  // Names first: a quote or passage that names someone the project knows is shown before anything is written.
  const checkNames = async () => {
    setBusy(true);
    try {
      const places = await call('analysis.reportNames', { format });
      if (places.length === 0) await writeFile();
      else setNames(places);
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const fix = async (place: NamePlace) => {
    if (!place.fix) return;
    await edit.mutateAsync({ codingGuid: place.codingGuid, text: place.fix }).catch(() => undefined);
    setNames(await call('analysis.reportNames', { format }));
  };

  const renderSection = (section: ReportSection, key: string) => {
    const H = (['h3', 'h4', 'h5'] as const)[section.level - 1]!;
    return (
      <section key={key} className={`report-section report-section--${section.level}`}>
        <H>{section.title}</H>
        {section.definition && <p className="report-definition">{section.definition}</p>}
        {section.summary.map((p, i) => <p key={`s${i}`} className="report-summary">{p}</p>)}
        {section.narrative.map((p, i) => <p key={`n${i}`}>{p}</p>)}
        {section.quotes.map((q) => (
          <ReportQuoteItem key={q.codingGuid} quote={q} mark={model.data?.labels.quoteMark ?? '—'}
            onOmit={() => omit.mutate({ codingGuids: [q.codingGuid], omitted: true })}
            onEdit={(text) => edit.mutate({ codingGuid: q.codingGuid, text })} />
        ))}
        {section.children.map((c, i) => renderSection(c, `${key}-${i}`))}
      </section>
    );
  };

  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!s) return null;
  const omitted = model.data?.decisions.omitted ?? [];
  const stale = model.data?.decisions.stale ?? 0;
  return (
    <div className="report-builder">
      <p className="muted report-builder__saved">{t('analysis.builder.saved')}</p>
      <div className="matrix-view__controls">
        <RadioGroup className="radio-row" value={s.structure} onChange={(v) => set({ structure: v as ReportStructure })}>
          <Label>{t('analysis.builder.structure')}</Label>
          <Radio value="blocks" className="radio">{t('analysis.report.subtitle.blocks')}</Radio>
          <Radio value="needs" className="radio">{t('analysis.report.subtitle.needs')}</Radio>
        </RadioGroup>
        <RadioGroup className="radio-row" value={s.language} onChange={(v) => set({ language: v as 'nl' | 'en' })}>
          <Label>{t('analysis.builder.language')}</Label>
          <Radio value="nl" className="radio">Nederlands</Radio>
          <Radio value="en" className="radio">English</Radio>
        </RadioGroup>
      </div>
      <div className="matrix-view__controls">
        <Switch className="switch" isSelected={s.countsInWords} onChange={(v) => set({ countsInWords: v })}>
          <span className="switch__track" aria-hidden="true" />{t('analysis.builder.countsInWords')}
        </Switch>
        <Switch className="switch" isSelected={s.keyQuotesOnly} onChange={(v) => set({ keyQuotesOnly: v })}>
          <span className="switch__track" aria-hidden="true" />{t('analysis.builder.keyQuotesOnly')}
        </Switch>
        {omitted.length > 0 && (
          <Button className="tool tool--small" onPress={() => omit.mutate({ codingGuids: omitted, omitted: false })}>
            {t('analysis.builder.restoreOmitted', { count: omitted.length })}
          </Button>
        )}
      </div>
      <Disclosure className="report-builder__more">
        <Heading className="report-builder__more-head"><Button slot="trigger" className="tool tool--small">{t('analysis.builder.more')}</Button></Heading>
        <DisclosurePanel>
          <Thresholds stored={s.thresholds ?? DEFAULT_THRESHOLDS} onSave={(th) => set({ thresholds: th })} />
          <ReportLabels stored={s.perspectiveLabels} onSave={(labels) => set({ perspectiveLabels: labels })} />
        </DisclosurePanel>
      </Disclosure>
      <div className="matrix-view__controls report-builder__export">
        <Select className="field-inline" selectedKey={format} onSelectionChange={(k) => setFormat(k as ReportFormat)}>
          <Label>{t('analysis.builder.format')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover>
            <ListBox className="menu-list">
              {REPORT_FORMATS.map((f) => <ListBoxItem key={f} id={f} className="menu-item">{t(`analysis.builder.formats.${f}`)}</ListBoxItem>)}
            </ListBox>
          </Popover>
        </Select>
        {format === 'xlsx' && (
          <>
            <Switch className="switch" isSelected={s.anonymise} onChange={(v) => set({ anonymise: v })}>
              <span className="switch__track" aria-hidden="true" />{t('analysis.builder.anonymise')}
            </Switch>
            <Switch className="switch" isSelected={s.coderNames} onChange={(v) => set({ coderNames: v })}>
              <span className="switch__track" aria-hidden="true" />{t('analysis.builder.coderNames')}
            </Switch>
          </>
        )}
        <Button className="button button--primary" isDisabled={busy || !model.data} onPress={() => void checkNames()}>
          {busy ? t('analysis.builder.exporting') : t('analysis.builder.export')}
        </Button>
      </div>
      {names && <NameCheckDialog places={names} busy={edit.isPending} onFix={(p) => void fix(p)} onExport={() => void writeFile()} onCancel={() => setNames(null)} />}
      {chart && (
        <div className="report-builder__offscreen" aria-hidden="true">
          <GroupedBars ref={chartRef} {...chart} />
        </div>
      )}
      {busy && step && step !== 'done' && (
        <div className="report-builder__progress">
          <progress max={3} value={{ model: 1, render: 2, write: 3 }[step]} aria-labelledby="report-step" />
          <span id="report-step" role="status">{t(`analysis.builder.steps.${step}`)}</span>
        </div>
      )}
      {stale > 0 && (
        <p className="report-builder__stale" role="alert">
          {t('analysis.builder.staleCount', { count: stale })}{' '}
          <Button className="tool tool--small" onPress={() => {
            // To the first quote that needs attention, with its "shorten again" button focused.
            const first = document.querySelector<HTMLElement>('.report-quote--stale');
            first?.scrollIntoView({ block: 'center' });
            first?.querySelector<HTMLElement>('button')?.focus();
          }}>{t('analysis.builder.showStale')}</Button>
        </p>
      )}
      {model.isError && <ErrorState error={model.error} onRetry={() => void model.refetch()} />}
      {model.data && (
        <article className="report-preview" aria-label={t('analysis.builder.preview')} lang={model.data.language}>
          <h2 className="report-preview__title">{model.data.title}</h2>
          <p className="muted">{model.data.subtitle}</p>
          <h3>{model.data.labels.methods}</h3>
          {model.data.methods.map((p, i) => <p key={i}>{p}</p>)}
          {model.data.sections.map((sec, i) => renderSection(sec, String(i)))}
        </article>
      )}
    </div>
  );
}
