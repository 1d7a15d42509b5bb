// "Geschiedenis wissen tot nu" (docs/adr/0014): says plainly what is lost —
// undo of every step so far, the change log, and the old texts the history
// kept — and that the project itself stays as it is.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import i18next from 'i18next';
import { BridgeError, call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';

async function clearHistory(): Promise<boolean> {
  try {
    const { cleared } = await call('history.clear', {});
    useUi.getState().setStatus(cleared > 0 ? i18next.t('changeLog.clear.done', { count: cleared }) : i18next.t('changeLog.clear.nothing'));
    return true;
  } catch (err) {
    useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
    return false;
  }
}

export function ClearHistoryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const ok = await clearHistory();
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal">
      <Dialog className="dialog history-clear">
        <Heading slot="title">{t('changeLog.clear.title')}</Heading>
        <p>{t('changeLog.clear.lead')}</p>
        <ul className="history-clear__list">
          <li>{t('changeLog.clear.undo')}</li>
          <li>{t('changeLog.clear.log')}</li>
          <li>{t('changeLog.clear.removed')}</li>
        </ul>
        <p className="muted">{t('changeLog.clear.when')}</p>
        <p className="muted">{t('changeLog.clear.backups')}</p>
        <div className="dialog__actions">
          <Button className="button" autoFocus onPress={onClose}>{t('changeLog.clear.cancel')}</Button>
          <Button className="button button--danger" isDisabled={busy} onPress={() => void confirm()}>{t('changeLog.clear.confirm')}</Button>
        </div>
      </Dialog>
    </Modal>
  );
}
