// Project templates: what a new project starts with.
import type { ProjectDb } from '../db/open.ts';
import type { TemplateId } from '../../src-shared/contracts/project.ts';
import { insertCodeTree } from '../services/codebook.ts';
import { addAttribute } from '../participants/participants.ts';
import { JZOJP_CODEBOOK, JZOJP_REGIONS } from './jzojp-content.ts';

/** Attribute key for the learning region ("leerregio"). */
export const REGION_KEY = 'region';

export function applyTemplate(db: ProjectDb, template: TemplateId): void {
  if (template === 'empty') return;
  db.sqlite.transaction(() => {
    insertCodeTree(db, JZOJP_CODEBOOK);
    addAttribute(db, { key: REGION_KEY, name: 'Leerregio', type: 'choice', choices: JZOJP_REGIONS });
  })();
}
