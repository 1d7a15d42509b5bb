// The one IPC entry: only the main frame of our window, served from app://,
// may call; everything else is rejected before dispatch sees it. The dispatch
// given is the renderer's (path-grants.ts): files named in a call must be the
// user's choice; the preload adds the files dropped since its last call.
// Engine events go back on one channel (main.ts sends them).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { droppedPaths, type GuardedDispatch } from './path-grants.ts';
import { isChannel } from '../../src-shared/contracts/index.ts';
import { isTrustedSender } from './security-policy.ts';
import { INVOKE_CHANNEL } from './ipc-names.ts';

export interface IpcLog {
  warn(message: string): void;
}

function fromOurMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  const main = win.webContents.mainFrame;
  if (!frame || event.sender !== win.webContents || frame.frameToken !== main.frameToken) return false;
  return isTrustedSender(frame.url, frame.parent === null);
}

export function handleInvoke(getWindow: () => BrowserWindow | null, dispatch: GuardedDispatch, log: IpcLog): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, payload: unknown, dropped: unknown) => {
    if (!fromOurMainFrame(event, getWindow())) {
      log.warn('IPC rejected: sender is not the app main frame');
      throw new Error('Rejected: untrusted sender');
    }
    const name = typeof channel === 'string' ? channel : '';
    const result = await dispatch(name, payload, droppedPaths(dropped));
    // Only declared channel names and error codes reach the log, never payloads.
    if (!result.ok) log.warn(`${isChannel(name) ? name : '(unknown channel)'} -> ${result.error.code}`);
    return result;
  });
}
