import { DomainError, type ErrorParams } from '../../src-shared/errors.ts';
import type { ImportErrorCode } from './types.ts';

/** An import refusal: always names the file (params.file) so the message can. */
export function importError(code: ImportErrorCode, file: string, params: ErrorParams = {}): DomainError {
  return new DomainError(code, { file, ...params });
}
