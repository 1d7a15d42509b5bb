// Naming a code: a new code (top level or under a parent), a rename, or the
// new code that selected codings split off into.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useCodebook, type CodebookDialog } from './codebook-store.ts';
import { createCode, renameCode, splitCodings } from './code-actions.ts';
import { suggestColour } from './colours.ts';
import { CodebookModal } from './CodebookModal.tsx';

type NameKind = Extract<CodebookDialog, { kind: 'create' | 'rename' | 'split' }>;

export function NameDialog({ dialog, rows }: { dialog: NameKind; rows: readonly CodeRow[] }) {
  const { t } = useTranslation();
  const code = dialog.kind === 'create' ? undefined : rows.find((r) => r.id === dialog.codeId);
  const parent = dialog.kind === 'create' && dialog.parentId !== null ? rows.find((r) => r.id === dialog.parentId) : undefined;
  // A new code goes under the chosen parent; split-off codings become a sub-code of their code unless unticked.
  const [nested, setNested] = useState(dialog.kind === 'split' || (dialog.kind === 'create' && dialog.nested));
  const [name, setName] = useState(dialog.kind === 'rename' ? (code?.name ?? '') : '');
  const [busy, setBusy] = useState(false);
  const close = () => useCodebook.getState().close();

  const title =
    dialog.kind === 'rename' ? t('codebookEdit.renameTitle', { code: code?.name ?? '' })
    : dialog.kind === 'split' ? t('codebookEdit.split.title', { code: code?.name ?? '' })
    : dialog.kind === 'create' && dialog.nested && parent ? t('codebookEdit.newSubcodeTitle', { parent: parent.name })
    : t('codebookEdit.newCodeTitle');
  const anchor = dialog.kind === 'split' ? code : parent;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    let ok = false;
    if (dialog.kind === 'rename') {
      ok = trimmed === code?.name || (await renameCode(dialog.codeId, trimmed));
    } else if (dialog.kind === 'split') {
      ok = await splitCodings({ codingIds: dialog.codingIds, newCodeName: trimmed, parentId: nested && code ? code.id : (code?.parentId ?? null) });
    } else {
      const parentId = nested && parent ? parent.id : null;
      const color = suggestColour(rows.filter((r) => r.parentId === parentId).map((r) => r.color));
      ok = await createCode({ name: trimmed, color, parentId });
    }
    setBusy(false);
    if (ok) close();
  };

  return (
    <CodebookModal title={title}>
      <Form onSubmit={(e) => void submit(e)}>
        {dialog.kind === 'split' && <p>{t('codebookEdit.split.lead', { count: dialog.codingIds.length })}</p>}
        <TextField className="field" value={name} onChange={setName} isRequired autoFocus maxLength={200}
          validate={(v) => (v.trim() ? null : t('codebookEdit.nameRequired'))} validationBehavior="aria">
          <Label>{t('codebookEdit.name')}</Label>
          <Input onFocus={(e) => e.currentTarget.select()} />
          <FieldError className="field-error" />
        </TextField>
        {anchor && (
          <Checkbox className="checkbox codebook-dialog__nest" isSelected={nested} onChange={setNested}>
            {t('codebookEdit.asSubcodeOf', { parent: anchor.name })}
          </Checkbox>
        )}
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('codebookEdit.cancel')}</Button>
          <Button type="submit" className="button button--primary" isDisabled={!name.trim() || busy}>
            {dialog.kind === 'rename' ? t('codebookEdit.rename') : dialog.kind === 'split' ? t('codebookEdit.split.confirm') : t('codebookEdit.create')}
          </Button>
        </div>
      </Form>
    </CodebookModal>
  );
}
