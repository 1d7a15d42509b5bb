// The key file (issue 16 §5): original ↔ pseudonym per category, encrypted
// with a passphrase and kept apart from the project. AES-256-GCM with a key
// from scrypt (node:crypto has both; docs/adr/0020). scrypt yields 64 bytes:
// the first 32 encrypt, the last 32 make a verifier, so a wrong passphrase is
// told apart from a damaged or altered file. The header (KDF parameters, salt,
// IV) is authenticated as GCM additional data.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../src-shared/errors.ts';
import { pseudonymCategory } from '../../src-shared/contracts/pseudonymise.ts';

const MAGIC = 'duiding-pseudonym-key';

export const keyEntry = z.object({ category: pseudonymCategory, original: z.string(), replacement: z.string(), entity: z.string().optional() });
export const keyContent = z.object({ project: z.string(), createdAt: z.string(), entries: z.array(keyEntry) });
export type KeyContent = z.infer<typeof keyContent>;

const header = z.object({
  format: z.literal(MAGIC),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  iv: z.string(),
  verifier: z.string(),
});
const envelope = z.object({ header, tag: z.string(), data: z.string() });

/** scrypt cost: 2^16 × 8 × 128 bytes = 64 MiB of memory, a fraction of a second. */
const KDF = { N: 1 << 16, r: 8, p: 1 };

function derive(passphrase: string, kdf: { N: number; r: number; p: number; salt: string }): { key: Buffer; check: Buffer } {
  const bytes = scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 });
  return { key: bytes.subarray(0, 32), check: bytes.subarray(32) };
}

function verifierOf(check: Buffer, salt: string): Buffer {
  return createHmac('sha256', check).update(`${MAGIC}:${salt}`).digest();
}

export function encryptKey(content: KeyContent, passphrase: string): Buffer {
  const kdf = { name: 'scrypt' as const, ...KDF, salt: randomBytes(16).toString('base64') };
  const { key, check } = derive(passphrase, kdf);
  const iv = randomBytes(12);
  const head = { format: MAGIC, version: 1 as const, kdf, iv: iv.toString('base64'), verifier: verifierOf(check, kdf.salt).toString('base64') };
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(JSON.stringify(head)));
  const data = Buffer.concat([cipher.update(JSON.stringify(keyContent.parse(content)), 'utf8'), cipher.final()]);
  return Buffer.from(`${JSON.stringify({ header: head, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') })}\n`);
}

export function decryptKey(bytes: Buffer, passphrase: string, file: string): KeyContent {
  let env: z.infer<typeof envelope>;
  try {
    env = envelope.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new DomainError('pseudonymise.key_corrupt', { file });
  }
  const { key, check } = derive(passphrase, env.header.kdf);
  const expected = Buffer.from(env.header.verifier, 'base64');
  const actual = verifierOf(check, env.header.kdf.salt);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new DomainError('pseudonymise.key_passphrase', { file });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(env.header.iv, 'base64'));
    decipher.setAAD(Buffer.from(JSON.stringify(env.header)));
    decipher.setAuthTag(Buffer.from(env.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(env.data, 'base64')), decipher.final()]);
    return keyContent.parse(JSON.parse(plain.toString('utf8')));
  } catch {
    throw new DomainError('pseudonymise.key_corrupt', { file });
  }
}

/** Refuses a key path in the project's own folder: the key must not travel with the project. */
export function assertKeyOutsideProject(keyPath: string, projectPath: string): void {
  const projectDir = dirname(resolve(projectPath));
  const rel = relative(projectDir, dirname(resolve(keyPath)));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new DomainError('pseudonymise.key_inside_project', { file: keyPath });
}

/** Writes atomically (temp file in the same folder, fsync, rename) and returns the sha256 of the bytes written. */
export function writeKeyFile(path: string, bytes: Buffer): string {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the temp file was never made (no such folder)
    }
    throw new DomainError('pseudonymise.key_write_failed', { file: path, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  return keyFingerprint(bytes);
}

export function keyFingerprint(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readKeyFile(path: string, passphrase: string): KeyContent {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new DomainError('pseudonymise.key_corrupt', { file: path });
  }
  return decryptKey(bytes, passphrase, path);
}
