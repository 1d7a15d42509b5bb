// One conflict's choices as a radio group (arrow keys pick), with the third
// name of a rename and the target code of a move right under it.
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import type { Resolution } from '../../../src-shared/contracts/team.ts';
import { useCodes } from '../../state/queries.ts';
import { choicesFor, type Draft, type ReviewItem } from './conflicts.ts';

function label(item: ReviewItem, choice: Resolution['choice']): string {
  const { conflict, coder } = item;
  const k = (key: string, p?: Record<string, unknown>) => i18next.t(`team.ui.conflicts.choice.${key}`, { coder, ...p });
  if (conflict.kind === 'code.renamed' && choice === 'ours') return k('oursName', { name: conflict.detail.ours });
  if (conflict.kind === 'code.renamed' && choice === 'theirs') return k('theirsName', { name: conflict.detail.theirs });
  if (choice === 'restore') return k(conflict.detail.deletedBy === 'theirs' ? 'restoreTheirs' : 'restoreOurs');
  return k(choice);
}

export function ConflictChoices({ item, draft, onChange }: { item: ReviewItem; draft: Draft; onChange(d: Draft): void }) {
  const { t } = useTranslation();
  const codes = useCodes(null);
  const id = item.conflict.id.replace(/[^\w-]/g, '_');
  return (
    <div className="team-choices">
      <RadioGroup value={draft.choice ?? null} onChange={(choice) => onChange({ ...draft, choice: choice as Resolution['choice'] })}>
        <Label className="team-choices__label">{t('team.ui.conflicts.choices')}</Label>
        {choicesFor(item.conflict).map((choice) => (
          <Radio key={choice} value={choice}>{label(item, choice)}</Radio>
        ))}
      </RadioGroup>
      {draft.choice === 'name' && (
        <TextField className="field" value={draft.name ?? ''} onChange={(name) => onChange({ ...draft, name })} isRequired maxLength={200}>
          <Label>{t('team.ui.conflicts.choice.nameLabel')}</Label>
          <Input />
        </TextField>
      )}
      {draft.choice === 'move' && (
        <div className="field">
          <label htmlFor={`team-move-${id}`}>{t('team.ui.conflicts.choice.moveLabel')}</label>
          <select id={`team-move-${id}`} className="team-select" value={draft.target ?? ''} onChange={(e) => onChange({ ...draft, target: e.target.value })}>
            <option value="" disabled>—</option>
            {(codes.data ?? []).filter((c) => c.guid !== item.conflict.guid).map((c) => (
              <option key={c.guid} value={c.guid}>{c.name}</option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
