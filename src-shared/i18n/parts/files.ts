// Product text about file paths and protected files, Dutch first; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  files: {
    pathProblem: {
      empty: 'er is geen pad opgegeven',
      too_long: 'het pad is langer dan 4096 tekens',
      nul: 'het pad bevat een NUL-teken',
      relative: 'het pad is niet volledig (het moet met de map beginnen, bijvoorbeeld /home/… of C:\\…)',
    },
  },
};

export const en: Widen<typeof nl> = {
  files: {
    pathProblem: {
      empty: 'no path was given',
      too_long: 'the path is longer than 4096 characters',
      nul: 'the path contains a NUL character',
      relative: 'the path is not complete (it must start with the folder, for example /home/… or C:\\…)',
    },
  },
};
