// The key file (issue 16 §5): encrypted round trip, a wrong passphrase told
// apart from a tampered file, atomic write, never in the project's folder.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertKeyOutsideProject, decryptKey, encryptKey, readKeyFile, writeKeyFile, type KeyContent } from '../../../src-main/pseudonymise/key-file.ts';
import { DomainError } from '../../../src-shared/errors.ts';
import { useTmp } from '../../helpers/tmp.ts';

const tmp = useTmp('duiding-key-');
const CONTENT: KeyContent = {
  project: 'p-guid',
  createdAt: '2026-12-04T04:00:00Z',
  entries: [
    { category: 'person', original: 'Marieke Hoekstra', replacement: '[wijkverpleegkundige]', entity: 'participant:x' },
    { category: 'phone', original: '06-41235987', replacement: '[telefoonnummer]' },
  ],
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('key file', () => {
  it('round-trips, and the file holds no original in clear text', () => {
    const dir = tmp.dir();
    const path = join(dir, 'sleutel.key');
    const fingerprint = writeKeyFile(path, encryptKey(CONTENT, 'correct horse battery'));
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const bytes = readFileSync(path);
    expect(bytes.includes('Marieke')).toBe(false);
    expect(bytes.includes(Buffer.from('Marieke', 'utf16le'))).toBe(false);
    expect(readKeyFile(path, 'correct horse battery')).toEqual(CONTENT);
    // Atomic write: no temp file left beside it.
    expect(readdirSync(dir)).toEqual(['sleutel.key']);
  });

  it('a wrong passphrase is reported as such', () => {
    const bytes = encryptKey(CONTENT, 'correct horse battery');
    expect(codeOf(() => decryptKey(bytes, 'wrong horse battery', 'k.key'))).toBe('pseudonymise.key_passphrase');
  });

  it('a tampered file is detected: changed ciphertext, changed header, truncated', () => {
    const bytes = encryptKey(CONTENT, 'correct horse battery');
    const env = JSON.parse(bytes.toString('utf8')) as { header: { kdf: { N: number } }; data: string; tag: string };
    const data = Buffer.from(env.data, 'base64');
    data[3] = data[3]! ^ 1;
    expect(codeOf(() => decryptKey(Buffer.from(JSON.stringify({ ...env, data: data.toString('base64') })), 'correct horse battery', 'k.key'))).toBe('pseudonymise.key_corrupt');
    const tag = Buffer.from(env.tag, 'base64');
    tag[0] = tag[0]! ^ 1;
    expect(codeOf(() => decryptKey(Buffer.from(JSON.stringify({ ...env, tag: tag.toString('base64') })), 'correct horse battery', 'k.key'))).toBe('pseudonymise.key_corrupt');
    expect(codeOf(() => decryptKey(bytes.subarray(0, bytes.length / 2), 'correct horse battery', 'k.key'))).toBe('pseudonymise.key_corrupt');
  });

  it('refuses a key path in the project\'s folder or below it', () => {
    const dir = tmp.dir();
    mkdirSync(join(dir, 'sub'));
    const project = join(dir, 'project.duiding');
    expect(codeOf(() => assertKeyOutsideProject(join(dir, 'x.key'), project))).toBe('pseudonymise.key_inside_project');
    expect(codeOf(() => assertKeyOutsideProject(join(dir, 'sub', 'x.key'), project))).toBe('pseudonymise.key_inside_project');
    expect(codeOf(() => assertKeyOutsideProject(join(tmp.dir(), 'x.key'), project))).toBe('no error');
  });

  it('a write that fails leaves nothing behind and says which file', () => {
    const dir = tmp.dir();
    writeFileSync(join(dir, 'blocker'), 'x');
    expect(codeOf(() => writeKeyFile(join(dir, 'blocker', 'x.key'), Buffer.from('x')))).toBe('pseudonymise.key_write_failed');
    expect(readdirSync(dir)).toEqual(['blocker']);
  });
});
