import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { bridge } from '../../bridge.ts';
import { useImport } from './import-store.ts';
import { SelectStep } from './SelectStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { ProgressStep } from './ProgressStep.tsx';
import { DoneStep } from './DoneStep.tsx';

/** The import workflow: choose files → preview and map speakers → import → results. */
export function ImportDialog() {
  const { t } = useTranslation();
  const phase = useImport((s) => s.phase);
  useEffect(() => bridge().on('import.progress', (p) => useImport.getState().setProgress(p)), []);
  if (phase === 'closed') return null;
  const busy = phase === 'parsing' || phase === 'committing';
  return (
    <Modal
      isOpen
      isDismissable={!busy}
      isKeyboardDismissDisabled={busy}
      onOpenChange={(open) => !open && !busy && useImport.getState().close()}
      className="modal"
    >
      <Dialog className="dialog dialog--wide">
        <Heading slot="title">{t('import.title')}</Heading>
        {phase === 'select' && <SelectStep />}
        {busy && <ProgressStep />}
        {phase === 'review' && <ReviewStep />}
        {phase === 'done' && <DoneStep />}
      </Dialog>
    </Modal>
  );
}
