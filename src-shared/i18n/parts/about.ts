// Product text of the About dialog (third-party notices), Dutch first; merged into nl.ts / en.ts.
import type { Widen } from '../catalog.ts';

export const nl = {
  about: {
    title: 'Over Duiding',
    intro: 'Duiding werkt volledig offline. Het bevat software van derden; hieronder staan die pakketten met hun licentie.',
    noticesTitle: 'Licenties van software van derden',
    count: '{{count}} pakketten',
    noText: 'Dit pakket levert geen licentietekst mee; de licentie is {{license}}.',
    close: 'Sluiten',
  },
};

export const en: Widen<typeof nl> = {
  about: {
    title: 'About Duiding',
    intro: 'Duiding works entirely offline. It contains third-party software; the packages and their licences are listed below.',
    noticesTitle: 'Third-party software licences',
    count: '{{count}} packages',
    noText: 'This package ships no licence text; its licence is {{license}}.',
    close: 'Close',
  },
};
