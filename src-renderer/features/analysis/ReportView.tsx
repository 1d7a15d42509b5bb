import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Disclosure, DisclosurePanel, Heading, Input, Label, ListBox, ListBoxItem, NumberField, Popover, Radio, RadioGroup, Select, SelectValue, Switch, TextField } from 'react-aria-components';
import { bridge, call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { REPORT_FORMATS, type ReportFormat, type ReportSection, type ReportStructure } from '../../../src-shared/contracts/analysis.ts';
import { DEFAULT_THRESHOLDS, validThresholds, type QuantifierThresholds } from '../../../src-shared/domain/quantifiers.ts';
import { PERSPECTIVES } from '../../../src-shared/domain/perspectives.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ReportQuoteItem } from './ReportQuoteItem.tsx';
import { GroupedBars } from './GroupedBars.tsx';
import { perspectiveChart } from './chart-data.ts';
import { pngBase64 } from './chart-export.ts';

interface Choices {
  structure: ReportStructure;
  language: 'nl' | 'en';
  countsInWords: boolean;
  keyQuotesOnly: boolean;
  omitQuotes: number[];
  quoteEdits: Record<string, string>;
  thresholds: QuantifierThresholds;
  perspectiveLabels: Record<string, string>;
}

/** The report builder: choose a structure, read the report as it will be exported, trim quotes, export. */
export function ReportView() {
  const { t, i18n } = useTranslation();
  const [choices, setChoices] = useState<Choices>({
    structure: 'blocks', language: i18n.language === 'en' ? 'en' : 'nl', countsInWords: true, keyQuotesOnly: true, omitQuotes: [], quoteEdits: {},
    thresholds: DEFAULT_THRESHOLDS, perspectiveLabels: {},
  });
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<'model' | 'render' | 'write' | 'done' | null>(null);
  useEffect(() => bridge().on('report.progress', ({ step: s }) => setStep(s)), []);
  const set = (patch: Partial<Choices>) => setChoices((c) => ({ ...c, ...patch }));
  // Empty labels fall back to the perspective's name; thresholds out of order are not sent.
  const request = {
    ...choices,
    perspectiveLabels: Object.fromEntries(Object.entries(choices.perspectiveLabels).filter(([, v]) => v.trim() !== '')),
    thresholds: validThresholds(choices.thresholds) ? choices.thresholds : DEFAULT_THRESHOLDS,
  };
  const model = useQuery({ queryKey: ['analysis', 'report', request], queryFn: () => call('analysis.report', request) });
  // The chart embedded in DOCX/HTML/PDF, drawn off screen in the report's language.
  const matrix = useQuery({ queryKey: ['analysis', 'matrix', 'perspective'], queryFn: () => call('analysis.matrix', { by: 'perspective' }) });
  const chartRef = useRef<SVGSVGElement | null>(null);
  const chart = matrix.data ? perspectiveChart(matrix.data, 'participants', i18n.getFixedT(choices.language)) : null;

  const exportReport = async () => {
    setBusy(true);
    try {
      const path = await call('shell.saveFileDialog', { defaultName: t('analysis.builder.fileName'), extension: format });
      if (!path) return;
      useUi.getState().setStatus(t('analysis.builder.exporting'));
      const svg = chartRef.current;
      const charts = svg && chart && ['docx', 'html', 'pdf'].includes(format)
        ? [{ title: chart.title, png: await pngBase64(svg), width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height }]
        : [];
      const result = await call('analysis.exportReport', { options: request, format, path, charts });
      useUi.getState().setStatus(t('analysis.builder.exported', { file: result.path.split(/[\\/]/).pop() }));
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  const renderSection = (s: ReportSection, key: string) => {
    const Heading = (['h3', 'h4', 'h5'] as const)[s.level - 1]!;
    return (
      <section key={key} className={`report-section report-section--${s.level}`}>
        <Heading>{s.title}</Heading>
        {s.definition && <p className="report-definition">{s.definition}</p>}
        {s.summary.map((p, i) => <p key={`s${i}`} className="report-summary">{p}</p>)}
        {s.narrative.map((p, i) => <p key={`n${i}`}>{p}</p>)}
        {s.quotes.map((q) => (
          <ReportQuoteItem key={q.codingId} quote={q} mark={model.data?.labels.quoteMark ?? '—'}
            onOmit={() => set({ omitQuotes: [...choices.omitQuotes, q.codingId] })}
            onEdit={(text) => {
              const edits = { ...choices.quoteEdits };
              if (text === null) delete edits[String(q.codingId)];
              else edits[String(q.codingId)] = text;
              set({ quoteEdits: edits });
            }} />
        ))}
        {s.children.map((c, i) => renderSection(c, `${key}-${i}`))}
      </section>
    );
  };

  return (
    <div className="report-builder">
      <div className="matrix-view__controls">
        <RadioGroup className="radio-row" value={choices.structure} onChange={(v) => set({ structure: v as ReportStructure })}>
          <Label>{t('analysis.builder.structure')}</Label>
          <Radio value="blocks" className="radio">{t('analysis.report.subtitle.blocks')}</Radio>
          <Radio value="needs" className="radio">{t('analysis.report.subtitle.needs')}</Radio>
        </RadioGroup>
        <RadioGroup className="radio-row" value={choices.language} onChange={(v) => set({ language: v as 'nl' | 'en' })}>
          <Label>{t('analysis.builder.language')}</Label>
          <Radio value="nl" className="radio">Nederlands</Radio>
          <Radio value="en" className="radio">English</Radio>
        </RadioGroup>
      </div>
      <div className="matrix-view__controls">
        <Switch className="switch" isSelected={choices.countsInWords} onChange={(v) => set({ countsInWords: v })}>
          <span className="switch__track" aria-hidden="true" />{t('analysis.builder.countsInWords')}
        </Switch>
        <Switch className="switch" isSelected={choices.keyQuotesOnly} onChange={(v) => set({ keyQuotesOnly: v })}>
          <span className="switch__track" aria-hidden="true" />{t('analysis.builder.keyQuotesOnly')}
        </Switch>
        {choices.omitQuotes.length > 0 && (
          <Button className="tool tool--small" onPress={() => set({ omitQuotes: [] })}>
            {t('analysis.builder.restoreOmitted', { count: choices.omitQuotes.length })}
          </Button>
        )}
      </div>
      <Disclosure className="report-builder__more">
        <Heading className="report-builder__more-head"><Button slot="trigger" className="tool tool--small">{t('analysis.builder.more')}</Button></Heading>
        <DisclosurePanel>
          <fieldset className="report-builder__fieldset">
            <legend>{t('analysis.builder.thresholds')}</legend>
            {(['few', 'several', 'many'] as const).map((k) => (
              <NumberField key={k} className="field-inline" value={Math.round(choices.thresholds[k] * 100)} minValue={1} maxValue={99}
                onChange={(v) => set({ thresholds: { ...choices.thresholds, [k]: (Number.isFinite(v) ? v : 0) / 100 } })}>
                <Label>{t(`analysis.builder.threshold.${k}`)}</Label>
                <Input className="text-input report-builder__number" />
              </NumberField>
            ))}
            {!validThresholds(choices.thresholds) && <p className="report-quote__error" role="alert">{t('analysis.builder.thresholdOrder')}</p>}
          </fieldset>
          <fieldset className="report-builder__fieldset">
            <legend>{t('analysis.builder.labels')}</legend>
            {PERSPECTIVES.map((p) => (
              <TextField key={p} className="field-inline" value={choices.perspectiveLabels[p] ?? ''} onChange={(v) => set({ perspectiveLabels: { ...choices.perspectiveLabels, [p]: v } })}>
                <Label>{t(`perspective.${p}`)}</Label>
                <Input className="text-input" placeholder={t(`perspective.${p}`)} maxLength={80} />
              </TextField>
            ))}
          </fieldset>
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
        <Button className="button button--primary" isDisabled={busy || !model.data} onPress={() => void exportReport()}>
          {busy ? t('analysis.builder.exporting') : t('analysis.builder.export')}
        </Button>
      </div>
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
      {model.isError && <ErrorState error={model.error} onRetry={() => void model.refetch()} />}
      {model.data && (
        <article className="report-preview" aria-label={t('analysis.builder.preview')} lang={model.data.language}>
          <h2 className="report-preview__title">{model.data.title}</h2>
          <p className="muted">{model.data.subtitle}</p>
          <h3>{model.data.labels.methods}</h3>
          {model.data.methods.map((p, i) => <p key={i}>{p}</p>)}
          {model.data.sections.map((s, i) => renderSection(s, String(i)))}
        </article>
      )}
    </div>
  );
}
