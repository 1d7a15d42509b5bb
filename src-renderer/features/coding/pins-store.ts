// Pinned quick keys (issue 11 §8): the user puts codes on 1–9 and they stay
// there (MAXQDA's favourites), per project and per user. Code ids belong to one
// project, so pins are stored under the project's GUID; they live in this
// user's browser storage (Electron keeps it in the user's profile), not in the
// shared project file, because they are one coder's working habit.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const SLOTS = 9;
type Slots = (number | null)[];

interface PinsState {
  byProject: Record<string, Slots>;
  /** Pins `codeId` on the first free key; returns the key (1–9) or null when all are taken. */
  pin(project: string, codeId: number): number | null;
  unpin(project: string, codeId: number): void;
}

export const usePins = create<PinsState>()(
  persist(
    (set, get) => ({
      byProject: {},
      pin: (project, codeId) => {
        const slots = [...(get().byProject[project] ?? Array<number | null>(SLOTS).fill(null))];
        const had = slots.indexOf(codeId);
        if (had !== -1) return had + 1;
        const free = slots.indexOf(null);
        if (free === -1) return null;
        slots[free] = codeId;
        set((s) => ({ byProject: { ...s.byProject, [project]: slots } }));
        return free + 1;
      },
      unpin: (project, codeId) =>
        set((s) => ({ byProject: { ...s.byProject, [project]: (s.byProject[project] ?? []).map((id) => (id === codeId ? null : id)) } })),
    }),
    { name: 'duiding.pins', version: 1 },
  ),
);

/** The slots of a project with codes that no longer exist left out (a removed code leaves the bar). */
export function pinnedSlots(byProject: Record<string, Slots>, project: string | undefined, exists: (id: number) => boolean): Slots {
  const slots = (project && byProject[project]) || [];
  return Array.from({ length: SLOTS }, (_, i) => {
    const id = slots[i] ?? null;
    return id !== null && exists(id) ? id : null;
  });
}
