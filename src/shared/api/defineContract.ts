import type { z } from 'zod';
import type { DeskAct } from './deskActs';

/**
 * What a caller needs before a method runs, declared once per method and checked by the
 * dispatcher (handlers never re-check it):
 * - `public`: nothing (desk status, opening a session);
 * - `session`: an open, unlocked agent session, whatever the role;
 * - a desk act: an open session whose role allows that act.
 */
export type MethodAccess = 'public' | 'session' | DeskAct;

export interface MethodRule<Input extends z.ZodType, Access extends MethodAccess> {
  access: Access;
  /** When the act depends on the input (e.g. `mie.${action}`): the act the role must allow. */
  actFor?: (input: z.output<Input>) => DeskAct;
  /** The answer carries personal data: every call is journaled (who looked up whom). */
  personalData?: boolean;
}

/**
 * A desk method: its input is validated at run time by `input`; its output type travels only at
 * compile time (the core is trusted to return what it declares).
 */
export interface MethodSpec<Input extends z.ZodType, Output, Access extends MethodAccess = MethodAccess> {
  readonly input: Input;
  readonly access: Access;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the input type is the spec's own
  readonly actFor: ((input: any) => DeskAct) | undefined;
  readonly personalData: boolean;
  /** Phantom field carrying the output type; never set. */
  readonly output?: Output;
}

export function defineMethod<Output>() {
  return <Input extends z.ZodType, const Access extends MethodAccess>(
    input: Input,
    { access, actFor, personalData = false }: MethodRule<Input, Access>,
  ): MethodSpec<Input, Output, Access> => ({ input, access, actFor, personalData });
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
export type MethodAccessOf<M> = M extends MethodSpec<z.ZodType, unknown, infer A> ? A : never;
export type EventPayload<E> = E extends EventSpec<infer P> ? P : never;
