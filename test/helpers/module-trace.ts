// Preloaded with `node --import` to list every module a process loads (ESM through a
// load hook, CommonJS through require's cache), written as JSON to DUIDING_MODULE_TRACE
// when the process exits. Used to prove a command does not load libraries it never needs.
import Module, { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';

const loaded = new Set<string>();
registerHooks({
  load(url, context, next) {
    loaded.add(url);
    return next(url, context);
  },
});
process.on('exit', () => {
  for (const file of Object.keys((Module as unknown as { _cache: Record<string, unknown> })._cache)) loaded.add(file);
  const target = process.env.DUIDING_MODULE_TRACE;
  if (target) writeFileSync(target, JSON.stringify([...loaded]));
});
