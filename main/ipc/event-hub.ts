/**
 * Main → renderer events. Services publish here; the shell forwards to each window's webContents,
 * the test bridge forwards into the Chromium page. Listeners never see Electron's event object.
 */
import type { EventChannel, Events, HandlerContext } from '../../shared/ipc/contract';
import type { PayloadOf } from '../../shared/ipc/define';

export type EventSink = (event: string, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventChannel>(event: E, payload: PayloadOf<Events[E]>): void;
  addSink(sink: EventSink): () => void;
  context(): HandlerContext;
}

export function createEventHub(): EventHub {
  const sinks = new Set<EventSink>();
  const hub: EventHub = {
    emit(event, payload) {
      for (const sink of sinks) sink(event, payload);
    },
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    context: () => ({ emit: hub.emit }),
  };
  return hub;
}
