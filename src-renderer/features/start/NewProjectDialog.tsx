import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Input, Label, Modal, Radio, RadioGroup, TextField } from 'react-aria-components';
import { createProject } from '../../app/commands.ts';
import { useUi } from '../../state/ui-store.ts';
import type { TemplateId } from '../../../src-shared/contracts/project.ts';

export function NewProjectDialog() {
  const { t } = useTranslation();
  const close = () => useUi.getState().setNewProjectOpen(false);
  const [template, setTemplate] = useState<TemplateId>('jzojp');
  const [name, setName] = useState('');
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && close()} className="modal">
      <Dialog className="dialog">
        <Heading slot="title">{t('newProject.title')}</Heading>
        <TextField className="field" value={name} onChange={setName}>
          <Label>{t('newProject.name')}</Label>
          <Input />
        </TextField>
        <RadioGroup className="field" value={template} onChange={(v) => setTemplate(v as TemplateId)}>
          <Label>{t('newProject.template')}</Label>
          <Radio value="jzojp">{t('template.jzojp')}</Radio>
          <Radio value="empty">{t('template.empty')}</Radio>
        </RadioGroup>
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('newProject.cancel')}</Button>
          <Button
            className="button button--primary"
            onPress={async () => {
              if (await createProject(template, name.trim() || undefined)) close();
            }}
          >
            {t('newProject.chooseLocation')}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
