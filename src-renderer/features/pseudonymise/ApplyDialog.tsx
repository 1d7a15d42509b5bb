// Applying is final: the dialog says so first, asks for the key file's place
// and its passphrase twice, and makes a backup copy (which holds the
// originals) only when the user asks for one.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useUi } from '../../state/ui-store.ts';
import { reviewedFindings, usePseudonymise } from './pseudonymise-store.ts';
import { PassphraseFields } from './PassphraseFields.tsx';

const fileOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function ApplyDialog() {
  const { t } = useTranslation();
  const open = usePseudonymise((s) => s.applyOpen);
  const queryClient = useQueryClient();
  const [keyPath, setKeyPath] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const [memos, setMemos] = useState(false);
  const [backup, setBackup] = useState(false);
  const [backupPath, setBackupPath] = useState<string | null>(null);
  const close = () => usePseudonymise.getState().set({ applyOpen: false });
  const apply = useMutation({
    mutationFn: () => {
      const findings = reviewedFindings(usePseudonymise.getState());
      if (!findings || !keyPath || !passphrase) throw new Error('incomplete');
      return call('pseudonymise.apply', { findings, keyPath, passphrase, memos, ...(backup && backupPath ? { backupPath } : {}) });
    },
    onSuccess: (r) => {
      usePseudonymise.getState().set({ applyOpen: false, phase: 'idle', findings: null, decisions: new Map() });
      setPassphrase(null);
      void queryClient.invalidateQueries({ queryKey: ['project', 'pseudonymise'] });
      useUi.getState().setStatus(t('pseudonymise.ui.done', { replacements: r.replacements, sources: r.sources, codings: r.codings.after, fingerprint: r.fingerprint }));
    },
  });
  if (!open) return null;
  const count = reviewedFindings(usePseudonymise.getState())?.groups.filter((g) => g.confirmed).length ?? 0;
  const choose = async (set: (p: string) => void, defaultName: string, extension: 'key' | 'duiding') => {
    const path = await call('shell.saveFileDialog', { defaultName, extension });
    if (path) set(path);
  };
  const ready = keyPath && passphrase && (!backup || backupPath) && !apply.isPending;
  return (
    <Modal isOpen isDismissable={!apply.isPending} onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog dialog--wide pseudo-apply" role="alertdialog">
        <Heading slot="title">{t('pseudonymise.ui.applyDialog.title')}</Heading>
        <p className="pseudo-apply__warning" role="note"><strong>{t('pseudonymise.ui.applyDialog.warning')}</strong></p>
        <p>{t('pseudonymise.ui.applyDialog.count', { count })}</p>
        <p className="muted">{t('pseudonymise.ui.applyDialog.keyHelp')}</p>
        <div className="pseudo-apply__row">
          <Button className="button" onPress={() => void choose(setKeyPath, t('pseudonymise.ui.defaultKeyName'), 'key')}>{t('pseudonymise.ui.key.choose')}</Button>
          {keyPath && <span>{t('pseudonymise.ui.key.chosen', { file: fileOf(keyPath) })}</span>}
        </div>
        <PassphraseFields twice onChange={setPassphrase} />
        <label className="pseudo-apply__check"><input type="checkbox" checked={memos} onChange={(e) => setMemos(e.target.checked)} /> {t('pseudonymise.ui.applyDialog.memos')}</label>
        <label className="pseudo-apply__check"><input type="checkbox" checked={backup} onChange={(e) => setBackup(e.target.checked)} /> {t('pseudonymise.ui.applyDialog.backup')}</label>
        {backup && (
          <div className="pseudo-apply__row">
            <Button className="button" onPress={() => void choose(setBackupPath, t('pseudonymise.ui.defaultBackupName'), 'duiding')}>{t('pseudonymise.ui.applyDialog.backupChoose')}</Button>
            {backupPath && <span>{t('pseudonymise.ui.applyDialog.backupChosen', { file: fileOf(backupPath) })}</span>}
          </div>
        )}
        {apply.isPending && <p role="status">{t('pseudonymise.ui.applyDialog.applying')}</p>}
        {apply.isError && <ErrorState error={apply.error} />}
        <div className="dialog__actions">
          <Button className="button" autoFocus isDisabled={apply.isPending} onPress={close}>{t('pseudonymise.ui.applyDialog.close')}</Button>
          <Button className="button button--danger" isDisabled={!ready} onPress={() => apply.mutate()}>{t('pseudonymise.ui.applyDialog.go')}</Button>
        </div>
      </Dialog>
    </Modal>
  );
}
