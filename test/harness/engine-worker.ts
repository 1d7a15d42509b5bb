// The harness's engine: the app's engine (src-main/engine/engine.ts) in a
// worker thread, so e2e tests see replies and change events arrive as they do
// from Electron's utility process. Its one addition is `inEngine`: a test may
// run a function here, sent as source text (like Playwright's
// electronApplication.evaluate), to read the project or prepare data the way
// the engine sees it; the project file is locked to this thread.
import { runEngine } from '../../src-main/engine/engine.ts';
import { enginePort } from '../../src-main/engine/port.ts';
import type { Session } from '../../src-main/session.ts';
import type { ProjectDb } from '../../src-main/db/open.ts';
import * as lib from './engine-lib.ts';

export interface EngineScope {
  session: Session;
  /** The open project (throws `no_project` when none is open). */
  readonly db: ProjectDb;
  lib: typeof lib;
}

interface Evaluate {
  source: string;
  arg: unknown;
}

function evaluate(body: unknown, session: Session): unknown {
  const { source, arg } = body as Evaluate;
  // `__name` is what esbuild's keepNames may insert into a transformed function body.
  const fn = new Function('__name', `return (${source});`)((f: unknown) => f) as (scope: EngineScope, arg: unknown) => unknown;
  const scope: EngineScope = {
    session,
    get db() {
      return session.requireProject();
    },
    lib,
  };
  return fn(scope, arg);
}

runEngine(enginePort(), { leakCheck: true, extra: evaluate });
