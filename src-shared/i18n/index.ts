// One i18next setup used by the renderer, the Electron menu, dispatch and the CLI.
import i18next, { type i18n } from 'i18next';
import { nl } from './nl.ts';
import { en } from './en.ts';
import { DEFAULT_LANGUAGE, type Language } from './catalog.ts';

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

/** A fresh, synchronously initialised i18next instance. */
export function createI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export { LANGUAGES, DEFAULT_LANGUAGE, isLanguage, type Language } from './catalog.ts';
