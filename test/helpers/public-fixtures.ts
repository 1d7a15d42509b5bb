import { resolve } from 'node:path';

/** The shared public fixtures, beside the repository (never copied into it). */
export const PUBLIC_FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/public');
