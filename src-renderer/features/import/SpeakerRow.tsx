import { useTranslation } from 'react-i18next';
import { Button, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, TextField } from 'react-aria-components';
import type { SpeakerPreview, SpeakerTarget } from '../../../src-shared/contracts/import.ts';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { useAttributes, useParticipants } from '../../state/queries.ts';
import { isSplit, targetOf, useImport } from './import-store.ts';
import { SpeakerBatchNotes } from './SpeakerBatchNotes.tsx';

function targetKey(target: SpeakerTarget | undefined): string {
  if (!target || target.kind === 'new') return 'new';
  return target.kind === 'interviewer' ? 'interviewer' : `p${target.participantId}`;
}

/** A small labelled dropdown (react-aria Select) used for the mapping fields. */
function Choice({ label, value, options, onChange }: {
  label: string;
  value: string;
  options: { id: string; name: string }[];
  onChange(id: string): void;
}) {
  return (
    <Select className="field field--compact" selectedKey={value} onSelectionChange={(key) => onChange(String(key))}>
      <Label className="field__label">{label}</Label>
      <Button className="tool tool--small select-button"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
      <Popover>
        <ListBox className="menu-list" items={options}>
          {(o) => <ListBoxItem id={o.id} className="menu-item">{o.name}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}

export function SpeakerRow({ path, fileName, speaker }: { path: string; fileName: string; speaker: SpeakerPreview }) {
  const { t } = useTranslation();
  const target = useImport((s) => targetOf(s, path, speaker.label));
  const split = useImport((s) => isSplit(s, path, speaker.label));
  const setTarget = useImport((s) => s.setTarget);
  const participants = useParticipants().data ?? [];
  const regions = useAttributes().data?.find((a) => a.key === 'region')?.choices ?? [];
  const set = (next: SpeakerTarget) => setTarget(path, speaker.label, next);
  // A split-off new participant keeps its own identity when edited.
  const keep = target?.kind === 'new' && target.distinct !== undefined ? { distinct: target.distinct } : {};
  const options = [
    { id: 'interviewer', name: t('import.asInterviewer') },
    { id: 'new', name: t('import.asNew') },
    ...participants.map((p) => ({ id: `p${p.id}`, name: `${p.name}${p.perspective ? ` — ${t(`perspective.${p.perspective}`)}` : ''}` })),
  ];
  return (
    <tr>
      <th scope="row" className="speaker-label">
        {speaker.label}
        <span className="muted"> · {t('import.turns', { count: speaker.turns })}</span>
        {speaker.remembered && <span className="badge badge--remembered" title={t('import.remembered')}>✓ {t('import.remembered')}</span>}
      </th>
      <td className="speaker-sample">{speaker.sample}</td>
      <td className="speaker-target">
        <Choice
          label={`${t('import.mapTo')}: ${speaker.label}`}
          value={targetKey(target)}
          options={options}
          onChange={(id) => {
            if (id === 'interviewer') set({ kind: 'interviewer' });
            else if (id === 'new') set({ kind: 'new', name: split ? `${speaker.label} (${fileName.replace(/\.[^.]+$/, '')})` : speaker.label, perspective: null, ...keep });
            else set({ kind: 'participant', participantId: Number(id.slice(1)) });
          }}
        />
        {target?.kind === 'new' && (
          <div className="new-participant">
            <TextField className="field field--compact" value={target.name} onChange={(name) => set({ ...target, name })}>
              <Label className="field__label">{t('import.newName')}</Label>
              <Input />
            </TextField>
            <Choice
              label={t('import.perspective')}
              value={target.perspective ?? 'none'}
              options={[{ id: 'none', name: t('import.noPerspective') }, ...PERSPECTIVES.map((p) => ({ id: p, name: t(`perspective.${p}`) }))]}
              onChange={(id) => set({ ...target, perspective: isPerspective(id) ? id : null })}
            />
            {regions.length > 0 && (
              <Choice
                label={t('import.region')}
                value={target.region ?? ''}
                options={[{ id: '', name: t('import.noRegion') }, ...regions.map((r) => ({ id: r, name: r }))]}
                onChange={(id) => set(id ? { ...target, region: id } : { kind: 'new', name: target.name, perspective: target.perspective, ...(target.role ? { role: target.role } : {}), ...keep })}
              />
            )}
            <TextField className="field field--compact" value={target.role ?? ''} onChange={(role) => set({ ...target, role })}>
              <Label className="field__label">{t('import.role')}</Label>
              <Input />
            </TextField>
          </div>
        )}
        <SpeakerBatchNotes path={path} fileName={fileName} speaker={speaker} target={target} split={split} people={participants} />
      </td>
    </tr>
  );
}
