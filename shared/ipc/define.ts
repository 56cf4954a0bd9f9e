/**
 * Building blocks of the IPC contract. A channel pairs a zod request schema with a response type
 * (a phantom: only the type travels) and the name of the `window.api` method that calls it.
 */
import type * as z from 'zod';

export interface ChannelDef<M extends string, Req extends z.ZodType, Res> {
  readonly method: M;
  readonly request: Req;
  /** Phantom field: never set at run time, it only carries the response type. */
  readonly response?: Res;
}

export interface EventDef<M extends string, Payload> {
  readonly method: M;
  readonly payload?: Payload;
}

/** `channel<Response>()('methodName', requestSchema)`: curried so the response type can be given alone. */
export function channel<Res>() {
  return <M extends string, Req extends z.ZodType>(method: M, request: Req): ChannelDef<M, Req, Res> => ({
    method,
    request,
  });
}

/** `event<Payload>()('onSomething')`: a main → renderer notification; subscribing returns an unsubscribe. */
export function event<Payload>() {
  return <M extends string>(method: M): EventDef<M, Payload> => ({ method });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChannel = ChannelDef<string, z.ZodType, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEvent = EventDef<string, any>;

export type RequestOf<C> = C extends ChannelDef<string, infer Req, unknown> ? z.input<Req> : never;
export type ParsedRequestOf<C> = C extends ChannelDef<string, infer Req, unknown> ? z.output<Req> : never;
export type ResponseOf<C> = C extends ChannelDef<string, z.ZodType, infer Res> ? Res : never;
export type PayloadOf<E> = E extends EventDef<string, infer P> ? P : never;
