// Which files an import takes from what the user chose. Files are taken as
// given (the user picked them; the preview says when one cannot be read).
// Folders are searched recursively, in name order, for files Duiding reads —
// the same rules for the app's dialog, a dropped folder and the CLI:
// - hidden files and folders (a name starting with ".") and Office lock files
//   ("~$Interview.docx") are skipped: nobody means to import those;
// - a symbolic link is followed only when its target lies inside the chosen
//   folder (a link to /etc/passwd in a transcripts folder is not a transcript);
//   linked folders are never walked (the target is walked anyway when it lies
//   inside, and a link cycle cannot loop);
// - a file reached twice (through a link) is taken once.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import { DomainError } from '../../src-shared/errors.ts';
import { IMPORT_EXTENSIONS } from './types.ts';

/** Most files one import batch takes (a folder of 67 interviews is the expected size). */
export const MAX_BATCH_FILES = 5000;

export function isImportableName(name: string): boolean {
  return Object.hasOwn(IMPORT_EXTENSIONS, extname(name).slice(1).toLowerCase());
}

function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** The files of a folder Duiding would import, sorted by path. */
function walkFolder(folder: string, out: string[], seen: Set<string>): void {
  const root = realOrNull(folder) ?? folder;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable subfolder is left out, as a file manager would
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!isImportableName(entry.name)) continue;
      let real: string | null = full;
      if (entry.isSymbolicLink()) {
        real = realOrNull(full);
        if (real === null || !inside(root, real)) continue;
        try {
          if (!statSync(real).isFile()) continue;
        } catch {
          continue;
        }
      } else if (!entry.isFile()) {
        continue; // sockets, devices, pipes
      }
      const key = real ?? full;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(full);
    }
  };
  walk(folder);
}

/**
 * Files to import for the chosen paths: files as given, folders expanded.
 * @throws DomainError import.too_many_files when the result is larger than MAX_BATCH_FILES
 */
export function expandImportPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = resolve(p);
    let isDir = false;
    try {
      // lstat first: a chosen link to a folder is walked as that folder (the user chose it).
      isDir = lstatSync(abs).isDirectory() || statSync(abs).isDirectory();
    } catch {
      // A missing path is reported per file by the preview.
    }
    if (isDir) walkFolder(abs, out, seen);
    else {
      const key = realOrNull(abs) ?? abs;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(abs);
    }
    if (out.length > MAX_BATCH_FILES) {
      throw new DomainError('import.too_many_files', { count: `${MAX_BATCH_FILES}+`, limit: MAX_BATCH_FILES });
    }
  }
  return out;
}
