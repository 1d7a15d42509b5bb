import { resolve } from 'node:path';
import type { CodebookNode, ProjectInfo } from '../../../src-shared/contracts/index.ts';
import { call, UsageError, type CliIo } from '../io.ts';
import type { CliCommand } from '../registry.ts';

function printTree(io: CliIo, nodes: CodebookNode[], depth: number): void {
  for (const node of nodes) {
    const role = node.role === 'code' ? '' : ` [${io.t(`codeRole.${node.role}`)}]`;
    io.out(`${'  '.repeat(depth + 1)}- ${node.name}${role}`);
    printTree(io, node.children, depth + 1);
  }
}

export const infoCommand: CliCommand = {
  name: 'info',
  options: { json: { type: 'boolean', default: false } },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    await call(io, 'project.open', { path: resolve(file) });
    const info = await call<ProjectInfo>(io, 'project.info', {});
    if (values.json) {
      io.out(JSON.stringify(info, null, 2));
      return 0;
    }
    io.out(io.t('cli.infoProject', { name: info.project.name, file: info.project.path }));
    const template = (['jzojp', 'empty'] as const).find((t) => t === info.project.template);
    io.out(io.t('cli.infoTemplate', { template: template ? io.t(`template.${template}`) : info.project.template }));
    io.out(io.t('cli.infoCounts', { ...info.counts }));
    io.out(io.t('cli.infoCodebook'));
    if (info.codebook.length === 0) io.out(`  ${io.t('cli.none')}`);
    printTree(io, info.codebook, 0);
    io.out(io.t('cli.infoPerspectives'));
    for (const p of info.perspectives) io.out(`  - ${io.t(`perspective.${p.key}`)} (${p.participants})`);
    io.out(io.t('cli.infoRegions'));
    if (info.regions.length === 0) io.out(`  ${io.t('cli.none')}`);
    for (const r of info.regions) io.out(`  - ${r}`);
    return 0;
  },
};
