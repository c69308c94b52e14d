import type { CombinedError } from 'urql';
import { problemOf } from '../../lib/loadable.ts';

/**
 * The server's problem with a form, beside the field it names (`argument`), or under the form when it
 * names none of the form's fields.
 */
export function useFieldProblems(error: CombinedError | undefined, fields: readonly string[]) {
  const problem = problemOf(error);
  const at = (argument: string) =>
    problem?.argument === argument ? (
      <span className="field-error" role="alert">
        {problem.message}
      </span>
    ) : null;
  const general =
    problem && !fields.includes(problem.argument ?? '') ? (
      <p className="field-error" role="alert">
        {problem.message}
      </p>
    ) : null;
  return { at, general };
}
