/**
 * THE IPC contract: every channel the renderer may call and every event main may send.
 * Each domain keeps its channels in its own file; this file only joins them, so adding a
 * capability means adding one spread here (keep method names unique: a test checks it).
 */
import type * as z from 'zod';
import type { AnyChannel, AnyEvent, ParsedRequestOf, PayloadOf, RequestOf, ResponseOf } from './define';
import type { Result } from '../result';
import { appChannels } from './app-channels';
import { domainChannels, domainEvents } from './domain-channels';

export const contract = {
  ...appChannels,
  ...domainChannels,
} as const satisfies Record<string, AnyChannel>;

export const events = {
  ...domainEvents,
} as const satisfies Record<string, AnyEvent>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Events = typeof events;
export type EventChannel = keyof Events;

type ArgsOf<C> = undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

/** What `window.api` is: one named function per channel, one `onX(cb) → unsubscribe` per event. */
export type Api = {
  [K in Channel as Contract[K]['method']]: (...args: ArgsOf<Contract[K]>) => Promise<Result<ResponseOf<Contract[K]>>>;
} & {
  [K in EventChannel as Events[K]['method']]: (listener: (payload: PayloadOf<Events[K]>) => void) => () => void;
};

/** What main implements: one handler per channel, given the parsed (schema-checked) request. */
export interface HandlerContext {
  /** Sends an event to the renderer that made the call (and any other listening window). */
  emit<E extends EventChannel>(event: E, payload: PayloadOf<Events[E]>): void;
}

export type Handler<K extends Channel> = (
  request: ParsedRequestOf<Contract[K]>,
  ctx: HandlerContext,
) => Promise<ResponseOf<Contract[K]>> | ResponseOf<Contract[K]>;

export type Handlers = { [K in Channel]: Handler<K> };
export type HandlersFor<Chs extends Record<string, AnyChannel>> = { [K in keyof Chs & Channel]: Handler<K> };

export type RequestSchema<K extends Channel> = Contract[K]['request'] & z.ZodType;
