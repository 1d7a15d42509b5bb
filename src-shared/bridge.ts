// The one object the preload (or the browser harness) exposes to the renderer.
import type { AppEvent, AppEvents, Channel, Input, Output } from './contracts/index.ts';
import type { Result } from './errors.ts';

export interface DuidingBridge {
  invoke<C extends Channel>(channel: C, payload: Input<C>): Promise<Result<Output<C>>>;
  on<E extends AppEvent>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
  /** Path of a dropped File (Electron's webUtils.getPathForFile); '' when unknown. */
  getPathForFile(file: File): string;
}
