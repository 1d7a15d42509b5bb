// UI-only state of participant and speaker management: which dialog is open,
// its error (shown inside the dialog, where the user is looking), and whether
// the inspector reviews the unassigned turns.
import { create } from 'zustand';
import { useUi } from '../../state/ui-store.ts';

export type ParticipantsDialog =
  | { kind: 'merge'; participantId: number }
  | { kind: 'delete'; participantId: number }
  | { kind: 'attributes' }
  /** `scope`: what the dialog starts with; the user can switch. */
  | { kind: 'reassign'; sourceId: number; turnId: number; scope: 'turn' | 'label' }
  | { kind: 'deleteSource'; sourceId: number };

interface ParticipantsState {
  dialog: ParticipantsDialog | null;
  /** A translated refusal from the last write in the open dialog. */
  error: string | null;
  /** The inspector shows the unassigned turns (the "Niet toegewezen" entry is chosen). */
  reviewUnassigned: boolean;
  open(dialog: ParticipantsDialog): void;
  close(): void;
  setError(error: string | null): void;
  showUnassigned(): void;
}

export const useParticipantsUi = create<ParticipantsState>((set) => ({
  dialog: null,
  error: null,
  reviewUnassigned: false,
  open: (dialog) => set({ dialog, error: null }),
  close: () => set({ dialog: null, error: null }),
  setError: (error) => set({ error }),
  showUnassigned: () => {
    useUi.getState().select(null);
    set({ reviewUnassigned: true });
  },
}));

// Choosing anything else for the inspector ends the review (also when a project closes).
useUi.subscribe((s, prev) => {
  if (s.selection !== prev.selection && s.selection !== null) useParticipantsUi.setState({ reviewUnassigned: false });
});

/** Opens the speaker dialog for a turn of the transcript in the reader (the reader's turn menu). */
export function openReassign(turnId: number, scope: 'turn' | 'label' = 'turn'): void {
  const sourceId = useUi.getState().sourceId;
  if (sourceId !== null) useParticipantsUi.getState().open({ kind: 'reassign', sourceId, turnId, scope });
}
