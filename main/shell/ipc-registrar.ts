/**
 * Item 17, done once: every channel of the contract is registered here and every message's sender
 * is checked before the dispatcher sees it. Feature code never touches ipcMain.
 */
import { contract } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/result';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventHub } from '../ipc/event-hub';
import { isTrustedSender, type SenderFrameLike } from './app-origin';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrameLike | null }, arg: unknown) => Promise<Result<unknown>>): void;
}

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, hub: EventHub): string[] {
  const channels = Object.keys(contract);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, arg) => {
      if (!isTrustedSender(event.senderFrame)) {
        return err('FORBIDDEN_SENDER', 'This request did not come from the app window.');
      }
      return dispatch(channel, arg, hub.context());
    });
  }
  return channels;
}
