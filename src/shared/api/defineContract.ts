import type { z } from 'zod';

/**
 * A desk method: its input is validated at run time by `input`; its output type travels only at
 * compile time (the core is trusted to return what it declares).
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  /** Phantom field carrying the output type; never set. */
  readonly output?: Output;
}

export function defineMethod<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}

/** A desk event pushed from the core to every connected renderer. */
export interface EventSpec<Payload> {
  readonly payload?: Payload;
}

export function defineEvent<Payload>(): EventSpec<Payload> {
  return {};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any method spec, whatever its types
export type AnyMethodSpec = MethodSpec<z.ZodType, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventSpec = EventSpec<any>;

export type MethodInput<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodParsedInput<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodOutput<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E> = E extends EventSpec<infer P> ? P : never;
