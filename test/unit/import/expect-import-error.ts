// Asserts an import refusal: the exact code, the file named in params, and every
// {{placeholder}} of the Dutch and English message supplied.
import { expect } from 'vitest';
import { DomainError } from '../../../src-shared/errors.ts';
import { nl } from '../../../src-shared/i18n/nl.ts';
import { en } from '../../../src-shared/i18n/en.ts';
import type { ImportErrorCode } from '../../../src-main/import/types.ts';

export async function expectImportError(action: () => unknown, code: ImportErrorCode, fileName: string): Promise<DomainError> {
  let caught: unknown;
  try {
    await action();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  expect(error.params.file).toBe(fileName);
  for (const catalog of [nl, en]) {
    const message = (catalog.errors as Record<string, string>)[code];
    expect(message, `message for ${code}`).toBeTypeOf('string');
    for (const [, param = ''] of (message ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      expect(error.params, `param ${param} of ${code}`).toHaveProperty(param);
      expect(String(error.params[param]).trim(), `param ${param} of ${code}`).not.toBe('');
    }
  }
  return error;
}
