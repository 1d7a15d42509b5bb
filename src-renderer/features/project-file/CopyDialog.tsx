// "Opslaan als…" and "Kopie om te delen…": a copy of the project, without its
// history unless the user asks for it (issue 10 §7) — the history holds old
// versions of texts (replaced names, deleted memos, undone imports).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Heading, Modal } from 'react-aria-components';
import { useProjectFile, type CopyMode } from './project-file-store.ts';
import { writeCopy } from './actions.ts';

export function CopyDialog({ mode }: { mode: CopyMode }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const close = () => useProjectFile.getState().closeCopyDialog();
  const choose = async () => {
    setBusy(true);
    const written = await writeCopy(mode, history);
    setBusy(false);
    if (written) close();
  };
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && close()} className="modal">
      <Dialog className="dialog project-copy">
        <Heading slot="title">{t(mode === 'saveAs' ? 'projectCopy.saveAsTitle' : 'projectCopy.shareTitle')}</Heading>
        <p className="project-copy__intro">{t(mode === 'saveAs' ? 'projectCopy.saveAsIntro' : 'projectCopy.shareIntro')}</p>
        <Checkbox className="checkbox" isSelected={history} onChange={setHistory} aria-describedby="project-copy-hint">
          {t('projectCopy.history')}
        </Checkbox>
        <p id="project-copy-hint" className="muted project-copy__hint">{t('projectCopy.historyHint')}</p>
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('projectCopy.cancel')}</Button>
          <Button className="button button--primary" autoFocus isDisabled={busy} onPress={() => void choose()}>
            {t('projectCopy.choose')}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
