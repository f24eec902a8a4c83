import { deskMethods, isDeskMethodName, type DeskMethodName, type DeskMethods } from './contract';
import type { MethodAccess, MethodAccessOf, MethodOutput, MethodParsedInput } from './defineContract';
import type { AgentRole } from './deskActs';
import { describeInputIssues } from './describeInputIssues';
import { DeskError, type DeskResult } from './errors';
import { isStoreBusy } from './isStoreBusy';

/** Who is calling: lets the core keep per-window state (the agent's desk session). */
export interface CallContext {
  /** Stable for one renderer connection (one window, one WebSocket). */
  connectionId: string;
  transport: 'electron' | 'browser' | 'cli';
}

/** The agent the dispatcher let through; journal entries carry it. */
export interface ActingAgent {
  /** Identity id of the agent; null for the local operator of the command line. */
  agentId: string | null;
  agentName: string | null;
  /** The workstation the act came from. */
  desk: string;
  role: AgentRole;
}

/** What a handler receives: the caller, and the agent when the method needs a session. */
export type HandlerContext<Access extends MethodAccess = MethodAccess> = CallContext & {
  actor: Access extends 'public' ? null : ActingAgent;
};

export type DeskHandlers = {
  [K in DeskMethodName]: (
    input: MethodParsedInput<DeskMethods[K]>,
    context: HandlerContext<MethodAccessOf<DeskMethods[K]>>,
  ) => Promise<MethodOutput<DeskMethods[K]>> | MethodOutput<DeskMethods[K]>;
};

/**
 * Checks a call against its method's declared access before the handler runs: returns the acting
 * agent (null for `public`), or throws a `DeskError` (UNAUTHENTICATED, FORBIDDEN). Journals
 * reads of personal data.
 */
export interface DispatchGuard {
  authorize(request: { method: DeskMethodName; access: MethodAccess; personalData: boolean; input: unknown; context: CallContext }): ActingAgent | null;
  /**
   * Acts that need more than a role (four eyes on a desk agent's means, the last admin): checked
   * after `authorize`, before the handler; throws a `DeskError` to refuse.
   */
  confirm?(request: { method: DeskMethodName; input: unknown; context: CallContext; actor: ActingAgent | null }): Promise<void>;
}

export type DeskDispatcher = (
  method: unknown,
  input: unknown,
  context: CallContext,
) => Promise<DeskResult<unknown>>;

export interface UnexpectedErrorReporter {
  (method: string, error: unknown): void;
}

/**
 * An import or a reconciliation writing its results held the store longer than the desk waits:
 * the act's transaction was rolled back whole, so the agent only has to try again.
 */
function storeBusyError(method: string): DeskError {
  return new DeskError(
    'UNAVAILABLE',
    {
      fr: 'Le répertoire est en cours d’écriture (import ou rapprochement en cours) : rien n’a été enregistré. Réessayez dans quelques secondes.',
      en: 'The directory is being written (an import or a reconciliation is running): nothing was saved. Try again in a few seconds.',
    },
    { method, reason: 'store-busy' },
  );
}

/**
 * The single entry point of every transport: checks the method exists, validates the input
 * against the contract, checks the caller's access (the one place it is checked), runs the
 * handler and turns any failure into a typed error result.
 */
export function createDispatcher(
  handlers: DeskHandlers,
  { guard, reportUnexpected = () => {} }: { guard: DispatchGuard; reportUnexpected?: UnexpectedErrorReporter },
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
      return {
        ok: false,
        error: new DeskError(
          'INVALID_ARGUMENT',
          describeInputIssues(parsed.error.issues),
          { method, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
        ).toData(),
      };
    }
    try {
      const { access, actFor, personalData } = deskMethods[method];
      const act = actFor === undefined ? access : actFor(parsed.data);
      const actor = guard.authorize({ method, access: act, personalData, input: parsed.data, context });
      if (guard.confirm !== undefined) await guard.confirm({ method, input: parsed.data, context, actor });
      const handler = handlers[method] as (input: unknown, context: HandlerContext) => unknown;
      const value = await handler(parsed.data, { ...context, actor } as HandlerContext);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DeskError) return { ok: false, error: error.toData() };
      if (isStoreBusy(error)) return { ok: false, error: storeBusyError(method).toData() };
      reportUnexpected(method, error);
      return { ok: false, error: new DeskError('INTERNAL').toData() };
    }
  };
}
