import { resolve } from 'node:path';
import { TEMPLATES, type ProjectSummary } from '../../../src-shared/contracts/project.ts';
import { call, UsageError, type CliIo } from '../io.ts';
import type { CliCommand } from '../registry.ts';

export const newCommand: CliCommand = {
  name: 'new',
  options: { template: { type: 'string', default: 'jzojp' }, name: { type: 'string' } },
  async run({ positionals, values }, io: CliIo) {
    const file = positionals[0];
    if (!file) throw new UsageError(io.t('cli.missingArgument', { what: 'FILE' }));
    const template = String(values.template);
    if (!(TEMPLATES as readonly string[]).includes(template)) {
      throw new UsageError(io.t('cli.badOption', { option: '--template', value: template }));
    }
    const payload = { path: resolve(file), template, ...(values.name ? { name: String(values.name) } : {}) };
    const summary = await call<ProjectSummary>(io, 'project.new', payload);
    io.out(io.t('cli.created', { file: summary.path, template: io.t(`template.${template}`) }));
    return 0;
  },
};
