// duiding search FILE QUERY... [--perspective P] [--region R] [--code PATH [--exact]]... [--limit N] [--skip-interviewer] [--json]
//                              [--autocode CODEPATH [--extent match|sentence|turn] [--coder NAME]]
// One line per hit: source · speaker role · …before [match] after…  Speakers
// appear by role and perspective, never by name (anonymised, as in reports).
// With --autocode every hit is coded instead (one undoable action, places
// already coded with the code skipped), and one summary line is printed.
// --code keeps the hits in passages coded with that code and, unless --exact,
// the codes below it (as the codebook and the matrix count a code).
import { resolve } from 'node:path';
import { call, CliFailure, UsageError, type CliIo } from '../io.ts';
import type { CliCommand } from '../registry.ts';
import { resolveCode } from '../resolve.ts';
import { AUTOCODE_EXTENTS, type AutocodeExtent, type AutocodeResult, type SearchHit, type SearchResult } from '../../../src-shared/contracts/search.ts';
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
    code: { type: 'string', multiple: true },
    exact: { type: 'boolean', default: false },
    limit: { type: 'string' },
    'skip-interviewer': { type: 'boolean', default: false },
    autocode: { type: 'string' },
    extent: { type: 'string' },
    coder: { type: 'string' },
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
    const extent = values.extent as string | undefined;
    if (extent !== undefined && !(AUTOCODE_EXTENTS as readonly string[]).includes(extent)) {
      throw new UsageError(io.t('cli.badOption', { option: '--extent', value: extent }));
    }
    const codePath = values.autocode as string | undefined;
    if (codePath === undefined && extent !== undefined) throw new UsageError(io.t('cli.missingArgument', { what: '--autocode' }));
    await call(io, 'project.open', { path: resolve(file) });
    const codeIds = ((values.code as string[] | undefined) ?? []).map((path) => {
      const id = resolveCode(io.session.requireProject(), path);
      if (id === null) throw new CliFailure(io.t('cli.unknownCode', { path }));
      return id;
    });
    const scope = {
      query,
      ...(codeIds.length > 0 ? { codeIds, subcodes: !values.exact } : {}),
      ...(perspective ? { perspective } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(values['skip-interviewer'] ? { interviewer: false } : {}),
    };
    if (codePath !== undefined) {
      const codeId = resolveCode(io.session.requireProject(), codePath);
      if (codeId === null) throw new CliFailure(io.t('cli.unknownCode', { path: codePath }));
      const done = await call<AutocodeResult>(io, 'search.autocode', {
        ...scope, codeId, extent: (extent ?? 'match') as AutocodeExtent, ...(values.coder ? { coder: String(values.coder) } : {}),
      });
      if (values.json) io.out(JSON.stringify(done, null, 2));
      else {
        io.out(io.t('search.cli.autocoded', { count: done.codingIds.length, code: done.codeName, sources: done.sources, hits: done.hits }));
        if (done.alreadyCoded > 0) io.out(io.t('search.autocode.previewSkipped', { count: done.alreadyCoded }));
      }
      return 0;
    }
    const result = await call<SearchResult>(io, 'search.text', { ...scope, ...(limit !== undefined ? { limit } : {}) });
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
