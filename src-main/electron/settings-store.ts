// The app's own settings (not a project's): interface language, recently
// opened projects, the project to reopen on start. One JSON file in the
// userData folder, written atomically; a damaged file never stops the app.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../src-shared/i18n/catalog.ts';
import type { RecentProject } from '../../src-shared/contracts/shell.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

export interface Settings {
  language: Language;
  /** Most recent first, unique paths, at most MAX_RECENT. */
  recent: RecentProject[];
  lastProject: string | null;
}

export const DEFAULT_SETTINGS: Settings = { language: DEFAULT_LANGUAGE, recent: [], lastProject: null };

const recentEntry = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });

/** Field by field: one bad field falls back alone, the others are kept. */
const settingsFile = z.object({
  language: z.enum(LANGUAGES).catch(DEFAULT_LANGUAGE),
  recent: z
    .array(z.unknown())
    .catch([])
    .transform((items) => items.flatMap((item) => {
      const parsed = recentEntry.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    })),
  lastProject: z.string().min(1).nullable().catch(null),
});

export interface SettingsStoreOptions {
  /** Whether a project file still exists (tests may fake it). */
  exists?: (path: string) => boolean;
  now?: () => Date;
  /** A failed write is reported here; the settings stay in memory. */
  onWriteError?: (err: unknown) => void;
}

export interface SettingsStore {
  readonly file: string;
  /** False on the very first start: no settings file was there. */
  readonly existedAtStart: boolean;
  /** True when a settings file was there but could not be read as settings. */
  readonly recoveredFromCorruption: boolean;
  language(): Language;
  setLanguage(language: Language): void;
  /** Recent projects whose files still exist. */
  recent(): RecentProject[];
  /** The project open when the app last ran, if its file still exists. */
  lastProject(): string | null;
  recordOpened(path: string, name: string): void;
  recordClosed(): void;
  save(): void;
}

function readSettings(file: string): { settings: Settings; corrupt: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { settings: structuredClone(DEFAULT_SETTINGS), corrupt: true };
  }
  const parsed = settingsFile.safeParse(raw);
  if (!parsed.success) return { settings: structuredClone(DEFAULT_SETTINGS), corrupt: true };
  return { settings: { ...parsed.data, recent: dedupe(parsed.data.recent) }, corrupt: false };
}

function dedupe(recent: RecentProject[]): RecentProject[] {
  const seen = new Set<string>();
  return recent.filter((r) => {
    const key = resolve(r.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_RECENT);
}

/** The one atomic writer (temp file beside the target, fsync, rename), shared with the exports. */
export { writeFileAtomic };

export function openSettingsStore(dir: string, options: SettingsStoreOptions = {}): SettingsStore {
  const file = join(dir, SETTINGS_FILE);
  const exists = options.exists ?? existsSync;
  const now = options.now ?? (() => new Date());
  const existedAtStart = existsSync(file);
  const { settings, corrupt } = existedAtStart
    ? readSettings(file)
    : { settings: structuredClone(DEFAULT_SETTINGS), corrupt: false };

  const save = () => {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (err) {
      options.onWriteError?.(err);
    }
  };

  return {
    file,
    existedAtStart,
    recoveredFromCorruption: corrupt,
    language: () => settings.language,
    setLanguage(language) {
      settings.language = language;
      save();
    },
    recent() {
      const live = settings.recent.filter((r) => exists(r.path));
      if (live.length !== settings.recent.length) {
        settings.recent = live;
        save();
      }
      return live.map((r) => ({ ...r }));
    },
    lastProject() {
      return settings.lastProject !== null && exists(settings.lastProject) ? settings.lastProject : null;
    },
    recordOpened(path, name) {
      const entry: RecentProject = { path, name: name || basename(path), openedAt: now().toISOString() };
      settings.recent = dedupe([entry, ...settings.recent]);
      settings.lastProject = path;
      save();
    },
    recordClosed() {
      settings.lastProject = null;
      save();
    },
    save,
  };
}
