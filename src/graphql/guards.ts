/**
 * Guards fail closed. A guard (the depth, alias, directive and cost limits, the token limit, the
 * trusted-documents rules, the result budget) that cannot measure a request (its code throws on some
 * shape of document or variables) refuses the request with LIMIT_CHECK_FAILED (HTTP 400), naming the
 * limit and its setting; it never lets the request through unchecked. Each guard is installed
 * through one of these wrappers (src/graphql/limits.ts, result-budget.ts, src/http/trusted-documents.ts),
 * so a new guard gets the same behaviour by being wrapped the same way.
 */
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../errors.js';

/** The refusal of a request that a guard could not measure. */
export function guardFailure(limit: string, setting: string, cause: unknown): GraphQLError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, ' ').slice(0, 200);
  return new GraphQLError(
    `The ${limit} limit (${setting}) could not be checked for this operation (${reason}), so it was refused rather than run unchecked. Send a simpler operation: fewer fragments, nested selections or aliases.`,
    { extensions: { code: ErrorCode.LIMIT_CHECK_FAILED, limit, setting } },
  );
}

/** Runs a guard's check; an exception in it becomes `guardFailure` (a GraphQLError it throws is its own verdict). */
export function checked<T>(limit: string, setting: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    throw guardFailure(limit, setting, error);
  }
}

const VISITOR_KEYS = [...Object.values(Kind), 'enter', 'leave'] as const;
type VisitFn = (...args: unknown[]) => unknown;

/**
 * A validation rule that fails closed: an exception in the rule (as it is made or in any of its
 * visitor functions) reports `guardFailure` once and stops the rule, instead of escaping from
 * graphql-js's `validate` (which Apollo would answer with a masked 500). A GraphQLError thrown by
 * the rule is reported as it is: it is the rule's own rejection.
 */
export function guardedRule(limit: string, setting: string, rule: ValidationRule): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let failed = false;
    const fail = (error: unknown): undefined => {
      if (!failed) context.reportError(error instanceof GraphQLError ? error : guardFailure(limit, setting, error));
      failed = true;
      return undefined;
    };
    let visitor: Record<string, unknown>;
    try {
      visitor = rule(context) as Record<string, unknown>;
    } catch (error) {
      return fail(error) ?? {};
    }
    const wrap = (fn: VisitFn): VisitFn =>
      (...args) => {
        if (failed) return undefined;
        try {
          return fn.apply(visitor, args);
        } catch (error) {
          return fail(error);
        }
      };
    const guarded: Record<string, unknown> = {};
    for (const key of VISITOR_KEYS) {
      const entry = visitor[key];
      if (typeof entry === 'function') guarded[key] = wrap(entry as VisitFn);
      else if (entry && typeof entry === 'object') {
        const { enter, leave } = entry as { enter?: VisitFn; leave?: VisitFn };
        guarded[key] = { ...(enter ? { enter: wrap(enter) } : {}), ...(leave ? { leave: wrap(leave) } : {}) };
      }
    }
    return guarded as ASTVisitor;
  };
}
