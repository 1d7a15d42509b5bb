// Loading the key of an earlier run: pseudonyms stay consistent for
// transcripts imported since, and exports are checked for its originals.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { usePseudonymise } from './pseudonymise-store.ts';
import { PassphraseFields } from './PassphraseFields.tsx';

export function KeyDialog() {
  const { t } = useTranslation();
  const open = usePseudonymise((s) => s.keyOpen);
  const queryClient = useQueryClient();
  const [path, setPath] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const close = () => usePseudonymise.getState().set({ keyOpen: false });
  const load = useMutation({
    mutationFn: () => call('pseudonymise.loadKey', { path: path!, passphrase: passphrase! }),
    onSuccess: () => {
      close();
      void queryClient.invalidateQueries({ queryKey: ['project', 'pseudonymise'] });
    },
  });
  if (!open) return null;
  return (
    <Modal isOpen isDismissable onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog">
        <Heading slot="title">{t('pseudonymise.ui.key.loadTitle')}</Heading>
        <div className="pseudo-apply__row">
          <Button className="button" autoFocus onPress={() => void call('shell.openFileDialog', { kind: 'key' }).then((p) => p && setPath(p))}>{t('pseudonymise.ui.key.chooseKey')}</Button>
          {path && <span>{t('pseudonymise.ui.key.chosen', { file: path.split(/[\\/]/).pop() })}</span>}
        </div>
        <PassphraseFields twice={false} onChange={setPassphrase} />
        {load.isError && <ErrorState error={load.error} />}
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('pseudonymise.ui.applyDialog.close')}</Button>
          <Button className="button button--primary" isDisabled={!path || !passphrase || load.isPending} onPress={() => load.mutate()}>{t('pseudonymise.ui.key.load2')}</Button>
        </div>
      </Dialog>
    </Modal>
  );
}
