import type { z } from 'zod';
import { deskMethods, isDeskMethodName, type DeskMethodName, type DeskMethods } from './contract';
import type { MethodOutput, MethodParsedInput } from './defineContract';
import { DeskError, type DeskResult } from './errors';

/** Who is calling: lets the core keep per-window state (the agent's desk session). */
export interface CallContext {
  /** Stable for one renderer connection (one window, one WebSocket). */
  connectionId: string;
  transport: 'electron' | 'browser' | 'cli';
}

export type DeskHandlers = {
  [K in DeskMethodName]: (
    input: MethodParsedInput<DeskMethods[K]>,
    context: CallContext,
  ) => Promise<MethodOutput<DeskMethods[K]>> | MethodOutput<DeskMethods[K]>;
};

export type DeskDispatcher = (
  method: unknown,
  input: unknown,
  context: CallContext,
) => Promise<DeskResult<unknown>>;

export interface UnexpectedErrorReporter {
  (method: string, error: unknown): void;
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single entry point of every transport: checks the method exists, validates the input
 * against the contract, runs the handler and turns any failure into a typed error result.
 */
export function createDispatcher(
  handlers: DeskHandlers,
  reportUnexpected: UnexpectedErrorReporter = () => {},
): DeskDispatcher {
  return async (method, input, context) => {
    if (!isDeskMethodName(method)) {
      const name = typeof method === 'string' ? method : String(typeof method);
      return {
        ok: false,
        error: new DeskError(
          'UNKNOWN_METHOD',
          { fr: `Opération inconnue « ${name} ».`, en: `Unknown operation "${name}".` },
          { method: name },
        ).toData(),
      };
    }
    const parsed = deskMethods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const summary = describeIssues(parsed.error.issues);
      return {
        ok: false,
        error: new DeskError(
          'INVALID_ARGUMENT',
          { fr: `Paramètres invalides pour ${method} : ${summary}`, en: `Invalid arguments for ${method}: ${summary}` },
          { method, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
        ).toData(),
      };
    }
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DeskError) return { ok: false, error: error.toData() };
      reportUnexpected(method, error);
      return { ok: false, error: new DeskError('INTERNAL').toData() };
    }
  };
}
