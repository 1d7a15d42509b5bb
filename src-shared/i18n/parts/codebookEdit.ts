// Product text of one feature, Dutch first; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  codebookEdit: {
    title: 'TODO',
  },
};

export const en: Widen<typeof nl> = {
  codebookEdit: {
    title: 'TODO',
  },
};
