// duiding import FILE PATH... [--speakers auto|none|REGEX] [--map "Label=interviewer"|"Label=Name:perspective"]... [--json]
import { resolve } from 'node:path';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import type { ImportRunFile, SpeakerModeInput, SpeakerTarget } from '../../../src-shared/contracts/import.ts';
import { expandImportPaths } from '../../import/expand-paths.ts';
import { call, UsageError, type CliIo } from '../io.ts';
import type { CliCommand } from '../registry.ts';

function speakerMode(value: string | undefined): SpeakerModeInput {
  if (!value || value === 'auto') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  return { kind: 'pattern', pattern: value };
}

/** "Label=interviewer" or "Label=Full Name:perspective" (perspective optional). */
export function parseMap(entry: string, io: CliIo): { label: string; target: SpeakerTarget } {
  const eq = entry.indexOf('=');
  if (eq <= 0) throw new UsageError(io.t('cli.badOption', { option: '--map', value: entry }));
  const label = entry.slice(0, eq).trim();
  const rhs = entry.slice(eq + 1).trim();
  if (rhs.toLowerCase() === 'interviewer') return { label, target: { kind: 'interviewer' } };
  const colon = rhs.lastIndexOf(':');
  const maybe = colon > 0 ? rhs.slice(colon + 1).trim() : '';
  const perspective = isPerspective(maybe) ? maybe : null;
  if (colon > 0 && !perspective) {
    throw new UsageError(io.t('cli.badPerspective', { value: maybe, allowed: PERSPECTIVES.join(', ') }));
  }
  const name = (perspective ? rhs.slice(0, colon) : rhs).trim();
  if (!name) throw new UsageError(io.t('cli.badOption', { option: '--map', value: entry }));
  return { label, target: { kind: 'new', name, perspective } };
}

interface JsonLine {
  file: string;
  ok: boolean;
  sourceId?: number;
  format?: string;
  encoding?: string;
  encodingConfidence?: string;
  speakers?: { label: string; turns: number; as: string }[];
  turns?: number;
  characters?: number;
  duplicateOf?: string | null;
  error?: { code: string; message: string };
}

function describeTarget(target: SpeakerTarget): string {
  if (target.kind === 'interviewer') return 'interviewer';
  if (target.kind === 'participant') return `participant:${target.participantId}`;
  return `new:${target.name}${target.perspective ? `:${target.perspective}` : ''}`;
}

export const importCommand: CliCommand = {
  name: 'import',
  options: {
    speakers: { type: 'string' },
    map: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    'allow-duplicates': { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const [file, ...inputs] = positionals;
    if (!file || inputs.length === 0) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE PATH...' }));
    const maps = ((values.map as string[] | undefined) ?? []).map((m) => parseMap(m, io));
    // Folders expand by the same rules as in the app (hidden files, links out of the folder: skipped).
    const paths = expandImportPaths(inputs);
    await call(io, 'project.open', { path: resolve(file) });
    // Parsed and written in one call: files are written while the next ones are parsed (issue 12 §2).
    const files = paths.length
      ? await call<ImportRunFile[]>(io, 'import.run', {
        paths, speakers: speakerMode(values.speakers as string | undefined), maps, allowDuplicates: Boolean(values['allow-duplicates']),
      })
      : [];
    const lines: JsonLine[] = files.map(({ preview: p, speakers: chosen, result: r }) => {
      const error = p.error ?? r?.error;
      return {
        file: p.path,
        ok: Boolean(r?.ok),
        ...(r?.sourceId ? { sourceId: r.sourceId } : {}),
        ...(p.ok ? {
          format: p.format, encoding: p.encoding?.name, encodingConfidence: p.encoding?.confidence,
          speakers: (p.speakers ?? []).map((s) => ({
            label: s.label, turns: s.turns, as: describeTarget(chosen.find((c) => c.label === s.label)?.target ?? s.suggestion),
          })),
          turns: p.turns, characters: p.characters, duplicateOf: p.duplicateOf?.name ?? null,
        } : {}),
        ...(error ? { error } : {}),
      };
    });
    if (values.json) io.out(JSON.stringify(lines, null, 2));
    else {
      for (const line of lines) {
        if (line.ok) {
          const speakers = line.speakers?.map((s) => `${s.label} (${s.turns})`).join(', ') || io.t('cli.none');
          io.out(io.t('cli.importOk', { file: line.file, turns: line.turns ?? 0, characters: line.characters ?? 0, encoding: line.encoding ?? '-', speakers }));
        } else io.err(line.error?.message ?? line.file);
      }
      io.out(io.t('cli.importSummary', { ok: lines.filter((l) => l.ok).length, failed: lines.filter((l) => !l.ok).length }));
    }
    return lines.every((l) => l.ok) ? 0 : 1;
  },
};
