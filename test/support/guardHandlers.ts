import { deskMethods, type DeskMethodName } from '../../src/shared/api/contract';
import type { CallContext, DeskHandlers, DispatchGuard } from '../../src/shared/api/dispatch';

export type GuardedHandlers<H> = { [K in keyof H]: H[K] extends (input: infer I, context: never) => infer R ? (input: I, context: CallContext) => R : never };

/**
 * Handlers as the dispatcher runs them, for tests and benches that call a feature's handlers
 * directly: each call first passes its method's declared access through the guard.
 */
export function guardHandlers<H extends Partial<DeskHandlers>>(handlers: H, guard: DispatchGuard): GuardedHandlers<H> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => {
      const method = name as DeskMethodName;
      const spec = deskMethods[method];
      return [
        method,
        (input: never, context: CallContext) => {
          const access = spec.actFor === undefined ? spec.access : spec.actFor(input);
          const actor = guard.authorize({ method, access, personalData: spec.personalData, input, context });
          return (handler as (input: unknown, context: unknown) => unknown)(input, { ...context, actor });
        },
      ];
    }),
  ) as GuardedHandlers<H>;
}
