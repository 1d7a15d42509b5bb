import { existsSync } from 'node:fs';

export default function setup(): void {
  if (!existsSync('out/renderer/index.html')) {
    throw new Error('out/renderer is missing: run `npm run build` first (`npm test` does this for you).');
  }
}
