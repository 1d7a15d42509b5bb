import { describe, expect, it } from 'vitest';
import { nl } from '../../src-shared/i18n/nl.ts';
import { en } from '../../src-shared/i18n/en.ts';
import { createI18n, isLanguage, LANGUAGES, DEFAULT_LANGUAGE } from '../../src-shared/i18n/index.ts';
import { ERROR_CODES } from '../../src-shared/errors.ts';
import { PERSPECTIVES } from '../../src-shared/domain/perspectives.ts';
import { COMMAND_DEFS } from '../../src-shared/commands.ts';
import { TEMPLATES } from '../../src-shared/contracts/project.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const catalogs = { nl: leaves(nl as unknown as Tree), en: leaves(en as unknown as Tree) };
const nlMap = new Map(catalogs.nl);
const enMap = new Map(catalogs.en);

describe('i18n catalogs', () => {
  it('every Dutch key exists in English', () => {
    const missing = catalogs.nl.map(([k]) => k).filter((k) => !enMap.has(k));
    expect(missing, `keys missing in en.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('English has no keys that Dutch lacks', () => {
    const extra = catalogs.en.map(([k]) => k).filter((k) => !nlMap.has(k));
    expect(extra, `keys only in en.ts: ${extra.join(', ')}`).toEqual([]);
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('every value in %s is a non-empty string', (lang) => {
    const bad = catalogs[lang].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad, `empty or non-string values in ${lang}: ${bad.join(', ')}`).toEqual([]);
  });

  it('both languages use the same {{placeholders}} for each key', () => {
    const mismatched = catalogs.nl
      .filter(([k, v]) => enMap.has(k) && JSON.stringify(placeholders(String(v))) !== JSON.stringify(placeholders(String(enMap.get(k)))))
      .map(([k]) => k);
    expect(mismatched, `placeholder differences: ${mismatched.join(', ')}`).toEqual([]);
  });

  it('has a message for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(nlMap.get(`errors.${code}`), `nl errors.${code}`).toBeTypeOf('string');
      expect(enMap.get(`errors.${code}`), `en errors.${code}`).toBeTypeOf('string');
    }
  });

  it('has a label for every perspective, template and command', () => {
    const keys = [
      ...PERSPECTIVES.map((p) => `perspective.${p}`),
      ...TEMPLATES.map((t) => `template.${t}`),
      ...COMMAND_DEFS.map((c) => `command.${c.id}`),
      'codeRole.building_block', 'codeRole.theme_group', 'codeRole.code',
    ];
    for (const key of keys) {
      expect(nlMap.has(key), `nl ${key}`).toBe(true);
      expect(enMap.has(key), `en ${key}`).toBe(true);
    }
  });
});

describe('createI18n', () => {
  it('defaults to Dutch', () => {
    expect(DEFAULT_LANGUAGE).toBe('nl');
    expect(createI18n().t('errors.no_project')).toBe(nl.errors.no_project);
  });

  it('translates with interpolation, without HTML escaping', () => {
    const nlT = createI18n('nl').t;
    const enT = createI18n('en').t;
    expect(nlT('errors.project.exists', { file: 'a & b.duiding' })).toBe(
      nl.errors['project.exists'].replace('{{file}}', 'a & b.duiding'),
    );
    expect(enT('errors.project.exists', { file: 'x.duiding' })).toContain('x.duiding');
    expect(enT('errors.project.exists', { file: 'x.duiding' })).not.toBe(nlT('errors.project.exists', { file: 'x.duiding' }));
  });

  it('instances are independent', () => {
    const a = createI18n('nl');
    const b = createI18n('en');
    expect(a.language).toBe('nl');
    expect(b.language).toBe('en');
    expect(a.t('app.tagline')).toBe(nl.app.tagline);
    expect(b.t('app.tagline')).toBe(en.app.tagline);
  });
});

describe('isLanguage', () => {
  it('knows nl and en only', () => {
    expect(LANGUAGES).toEqual(['nl', 'en']);
    expect(isLanguage('nl')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    for (const v of ['NL', 'de', '', undefined, null, 1]) expect(isLanguage(v)).toBe(false);
  });
});
