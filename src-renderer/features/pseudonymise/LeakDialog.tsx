// Before an export is written: the places where it would carry an original of
// the loaded key or a name the project knows. Stopping is the default (and
// what Escape does); continuing writes the same file as it is.
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { useLeakPrompt } from './leak-guard.ts';
import './pseudonymise.css';

export function LeakDialog() {
  const { t } = useTranslation();
  const prompt = useLeakPrompt((s) => s.prompt);
  if (!prompt) return null;
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => { if (!open) prompt.answer(false); }} className="modal">
      <Dialog className="dialog dialog--wide leak-dialog" role="alertdialog">
        <Heading slot="title">{t('pseudonymise.leak.title', { file: prompt.file })}</Heading>
        <p>{t('pseudonymise.leak.intro', { count: prompt.places.length, file: prompt.file })}</p>
        <ul className="leak-dialog__list" aria-label={t('pseudonymise.leak.places')}>
          {prompt.places.map((p) => (
            <li key={`${p.source}|${p.text}`}>
              <strong>{p.text}</strong>{' '}
              <span className="muted">
                {t(p.source === 'key' ? 'pseudonymise.leak.fromKey' : 'pseudonymise.leak.known', { category: t(`pseudonymise.category.${p.category}`) })}
                {' · '}{t('pseudonymise.leak.where', { count: p.count, where: p.where.map((w) => (w === 'text' || w === 'bytes' ? t('pseudonymise.leak.theFile') : w)).join(', ') })}
              </span>
            </li>
          ))}
        </ul>
        <div className="dialog__actions">
          <Button className="button button--primary" autoFocus onPress={() => prompt.answer(false)}>{t('pseudonymise.leak.stop')}</Button>
          <Button className="button" onPress={() => prompt.answer(true)}>{t('pseudonymise.leak.continue')}</Button>
        </div>
      </Dialog>
    </Modal>
  );
}
