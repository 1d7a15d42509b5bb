// Renders whichever participant, speaker or transcript dialog is open (buttons, the
// reader's turn menu and the review list only set the store).
import { useParticipants, useSources } from '../../state/queries.ts';
import { useParticipantsUi } from './participants-store.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { DeleteDialog } from './DeleteDialog.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';
import { AttributesDialog } from './AttributesDialog.tsx';
import { DeleteSourceDialog } from './DeleteSourceDialog.tsx';
import './participants.css';

export function ParticipantsDialogs() {
  const dialog = useParticipantsUi((s) => s.dialog);
  const people = useParticipants().data;
  const sources = useSources().data;
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'attributes':
      return <AttributesDialog />;
    case 'deleteSource': {
      const source = sources?.find((x) => x.id === dialog.sourceId);
      return source ? <DeleteSourceDialog source={source} /> : null;
    }
    case 'reassign':
      return <ReassignDialog key={`${dialog.sourceId}:${dialog.turnId}`} dialog={dialog} />;
    case 'merge':
    case 'delete': {
      const person = people?.find((p) => p.id === dialog.participantId);
      // The participant vanished (undo, another window): nothing left to do.
      if (!person || !people) return null;
      return dialog.kind === 'merge' ? <MergeDialog person={person} people={people} /> : <DeleteDialog person={person} />;
    }
  }
}
