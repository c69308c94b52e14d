import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import type { RefusalEntry } from '../db/queries/refusals.ts';

/** The operation as the client sent it: the "why" of an access-log or refusal-log entry. */
export const operationText = (info: GraphQLResolveInfo) =>
  info.operation.loc?.source.body ?? info.operation.operation;

/**
 * Writes refused reads of persons (or refused acts on persons) to the refusal log before the refusal
 * is answered; the refusals of one tick share one insert. The answer is the same whether or not the
 * write succeeds: a refusal returns no data, and an error here would tell the caller something the
 * refusal does not.
 */
export async function logRefusals(
  ctx: Context,
  info: GraphQLResolveInfo,
  entries: readonly Omit<RefusalEntry, 'operation'>[],
): Promise<void> {
  const operation = operationText(info);
  try {
    await Promise.all(entries.map((entry) => ctx.loaders.refusalLog.load({ ...entry, operation })));
  } catch (error) {
    console.error('could not write to the refusal log', error);
  }
}
