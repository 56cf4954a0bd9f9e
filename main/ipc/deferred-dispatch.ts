/**
 * The app registers its IPC channels before the services' modules are loaded (the window shows
 * first; probes and crypto load behind it). A request that arrives meanwhile waits for the real
 * dispatcher; if loading failed, the caller gets a Result saying so, never a thrown error.
 */
import { err } from '../../shared/result';
import type { Logger } from '../services/logger';
import type { Dispatch } from './dispatcher';

export function deferredDispatch(load: Promise<Dispatch>, log: Logger): Dispatch {
  const ready = load.then(
    (dispatch) => ({ dispatch }),
    (e: unknown) => {
      log.error('ipc', 'the services could not be loaded', { error: e instanceof Error ? `${e.name} ${e.stack?.split('\n')[1]?.trim() ?? ''}` : typeof e });
      return { dispatch: undefined };
    },
  );
  return async (channel, request, ctx) => {
    const { dispatch } = await ready;
    if (!dispatch) return err('INTERNAL', 'The app could not finish starting. Restart it; the details are in the log.');
    return dispatch(channel, request, ctx);
  };
}
