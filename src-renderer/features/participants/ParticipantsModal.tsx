// The frame every dialog of this feature shares: a dismissable modal with a
// title, the refusal of the last write (if any), a body and the action row.
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { useParticipantsUi } from './participants-store.ts';

export function ParticipantsModal({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  const error = useParticipantsUi((s) => s.error);
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && useParticipantsUi.getState().close()} className="modal">
      <Dialog className={`dialog people-dialog ${className}`}>
        <Heading slot="title">{title}</Heading>
        <div role="alert" className="people-dialog__error">{error}</div>
        {children}
      </Dialog>
    </Modal>
  );
}
