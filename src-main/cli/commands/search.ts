// duiding search FILE QUERY... [--perspective P] [--region R] [--limit N] [--json]
// One line per hit: source · speaker role · …before [match] after…  Speakers
// appear by role and perspective, never by name (anonymised, as in reports).
import { resolve } from 'node:path';
import { call, UsageError, type CliIo } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import type { SearchHit, SearchResult } from '../../../src-shared/contracts/search.ts';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

function who(io: CliIo, hit: SearchHit): string {
  if (hit.isInterviewer) return io.t('shell.interviewer');
  if (hit.participantId === null) return '—';
  const perspective = hit.perspective ? io.t(`perspective.${hit.perspective}`) : io.t('perspective.none');
  return hit.role ? `${perspective}/${hit.role}` : perspective;
}

export const searchCommand: CliCommand = {
  name: 'search',
  options: {
    perspective: { type: 'string' },
    region: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, io) {
    const [file, ...words] = positionals;
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    const query = words.join(' ').trim();
    if (!query) throw new UsageError(io.t('cli.missingArgument', { what: 'QUERY' }));
    const perspective = values.perspective as string | undefined;
    if (perspective !== undefined && !isPerspective(perspective)) {
      throw new UsageError(io.t('cli.badPerspective', { value: perspective, allowed: PERSPECTIVES.join(', ') }));
    }
    const limitText = values.limit as string | undefined;
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100_000)) {
      throw new UsageError(io.t('cli.badOption', { option: '--limit', value: limitText }));
    }
    const region = values.region as string | undefined;
    await call(io, 'project.open', { path: resolve(file) });
    const result = await call<SearchResult>(io, 'search.text', {
      query,
      ...(perspective ? { perspective } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    for (const hit of result.hits) {
      io.out(`${hit.sourceName} · ${who(io, hit)} · …${oneLine(hit.before)}[${oneLine(hit.match)}]${oneLine(hit.after)}…`);
    }
    io.out(io.t(result.truncated ? 'cli.searchTruncated' : 'cli.searchCount', { n: result.hits.length }));
    return 0;
  },
};
