// The frame every codebook dialog shares: a dismissable modal with a title,
// a body, and the action row (Esc or Cancel closes without a change).
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { useCodebook } from './codebook-store.ts';

export function CodebookModal({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && useCodebook.getState().close()} className="modal">
      <Dialog className={`dialog codebook-dialog ${className}`}>
        <Heading slot="title">{title}</Heading>
        {children}
      </Dialog>
    </Modal>
  );
}
