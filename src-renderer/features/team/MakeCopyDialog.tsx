// "Werkkopie maken" (issue 15 §1, §5): the coder's name, which transcripts go
// along, whether the codebook is locked; a save dialog picks the file. The
// open project stays open; the dialog ends with where the copy went.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, CheckboxGroup, Dialog, FieldError, Form, Heading, Input, Label, Modal, Text, TextField } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useSources } from '../../state/queries.ts';
import { useTeam } from './team-store.ts';

export function MakeCopyDialog() {
  const { t } = useTranslation();
  const sources = useSources();
  const all = (sources.data ?? []).map((s) => s.guid);
  const [coder, setCoder] = useState('');
  // null: every transcript (no restriction); the list starts all ticked.
  const [picked, setPicked] = useState<string[] | null>(null);
  const [lock, setLock] = useState(false);
  const chosen = picked ?? all;
  const restricted = picked !== null && picked.length < all.length;
  const close = () => useTeam.getState().close();
  const make = useMutation({
    mutationFn: async () => {
      const name = coder.trim();
      const path = await call('shell.saveFileDialog', { defaultName: t('team.ui.copyDefaultName', { coder: name }), extension: 'duiding' });
      if (!path) return null;
      return call('team.makeCopy', { path, coder: name, ...(restricted ? { sources: chosen } : {}), lockCodebook: lock });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (coder.trim() && chosen.length > 0) make.mutate();
  };
  const done = make.data;
  return (
    <Modal isOpen isDismissable onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog team-dialog">
        <Heading slot="title">{t('team.ui.copy.title')}</Heading>
        {done ? (
          <>
            <p role="status">{t('team.ui.copy.done', { coder: coder.trim(), count: done.sources })}</p>
            <p><code className="team-path">{done.path}</code></p>
            <p className="muted">{t('team.ui.copy.doneHint')}</p>
            <div className="dialog__actions">
              <Button className="button button--primary" autoFocus onPress={close}>{t('team.ui.copy.close')}</Button>
            </div>
          </>
        ) : (
          <Form onSubmit={submit} className="team-form">
            <p className="muted">{t('team.ui.copy.intro')}</p>
            <TextField className="field" value={coder} onChange={setCoder} isRequired autoFocus maxLength={200}
              validate={(v) => (v.trim() ? null : t('team.ui.copy.coder'))} validationBehavior="aria">
              <Label>{t('team.ui.copy.coder')}</Label>
              <Input />
              <Text slot="description" className="muted">{t('team.ui.copy.coderHint')}</Text>
              <FieldError className="field-error" />
            </TextField>
            <CheckboxGroup className="team-sources" value={chosen} onChange={setPicked}
              isInvalid={chosen.length === 0} validationBehavior="aria">
              <Label>{t('team.ui.copy.sources')}</Label>
              <Text slot="description" className="muted">{t('team.ui.copy.sourcesHint')}</Text>
              <div className="team-sources__list">
                {(sources.data ?? []).map((s) => (
                  <Checkbox key={s.guid} value={s.guid} className="checkbox">{s.name}</Checkbox>
                ))}
              </div>
              {chosen.length === 0 && <p className="field-error">{t('team.ui.copy.noSources')}</p>}
            </CheckboxGroup>
            <Checkbox className="checkbox" isSelected={lock} onChange={setLock} aria-describedby="team-lock-hint">{t('team.ui.copy.lock')}</Checkbox>
            <p id="team-lock-hint" className="muted team-hint">{t('team.ui.copy.lockHint')}</p>
            {make.isError && <ErrorState error={make.error} />}
            <div className="dialog__actions">
              <Button className="button" onPress={close}>{t('team.ui.copy.cancel')}</Button>
              <Button type="submit" className="button button--primary" isDisabled={!coder.trim() || chosen.length === 0 || make.isPending}>
                {t('team.ui.copy.choose')}
              </Button>
            </div>
          </Form>
        )}
      </Dialog>
    </Modal>
  );
}
