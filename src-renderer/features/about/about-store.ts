import { create } from 'zustand';

/** Whether the About dialog is open (menu Help → About, command 'app.about'). */
export const useAbout = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
