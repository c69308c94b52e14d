import type { CombinedError } from 'urql';
import { t } from '../i18n/index.ts';
import { formatDate } from './format.ts';

/** What a panel needs to know about data that comes from the API. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; data: T };

interface QueryResultLike<D> {
  data?: D | null;
  error?: CombinedError;
  fetching: boolean;
}

/**
 * Turns a urql query result into a Loadable. Data already on screen stays while it is refreshed; an
 * error without data is shown (with its retry) until the retry is under way.
 */
export function fromQuery<D, T>(
  result: QueryResultLike<D>,
  retry: () => void,
  select: (data: D) => T,
): Loadable<T> {
  if (result.data != null) return { status: 'ready', data: select(result.data) };
  if (result.fetching) return { status: 'loading' };
  if (result.error) return { status: 'error', message: errorMessage(result.error), retry };
  return { status: 'loading' };
}

/** The same state with its data narrowed or reshaped, for a panel that shows only part of it. */
export function mapLoadable<T, U>(state: Loadable<T>, map: (data: T) => U): Loadable<U> {
  if (state.status === 'ready') return { status: 'ready', data: map(state.data) };
  return state.status === 'error' ? { status: 'error', message: state.message, retry: state.retry } : state;
}

/** The most useful message of an error: the server's own when it sent one, else the network's. */
export function errorMessage(error: CombinedError): string {
  // The server's words for a busy server or a database that is away are English; the dashboard says
  // them in its own.
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'SERVER_BUSY')) return t.state.serverBusy;
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'DATABASE_BUSY')) return t.state.databaseBusy;
  const unavailable =
    error.graphQLErrors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') ||
    (error.response as { status?: number } | undefined)?.status === 503;
  if (unavailable) return t.state.databaseUnavailable;
  // A refusal that says why is worded from its reason, a FORBIDDEN one too (another's token).
  const reasoned = reasonMessage(error.graphQLErrors[0]?.extensions?.reason);
  if (reasoned) return reasoned;
  // A refusal of reach is the account's, not a fault: said in the dashboard's words.
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN')) return t.state.forbidden;
  return (
    error.graphQLErrors[0]?.message ?? error.networkError?.message ?? (error.message || t.state.unknownError)
  );
}

/**
 * A refusal that came with its reason (a code and its values), in the dashboard's words; days are
 * written as the dashboard writes them. Null for a reason the catalogue does not know.
 */
function reasonMessage(reason: unknown): string | null {
  const { code, args } = (reason ?? {}) as { code?: string; args?: Record<string, string | number> };
  const words = code ? t.reasons[code] : undefined;
  if (!words) return null;
  const values = Object.fromEntries(
    Object.entries(args ?? {}).map(([k, v]) => [
      k,
      /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDate(String(v)) : String(v),
    ]),
  );
  return words(values);
}

/** Codes of a state that passes by itself, and the seconds after which a panel asks again on its own. */
const WAIT_OUT: Record<string, number> = { DATABASE_BUSY: 3, SERVER_BUSY: 3, SERVICE_UNAVAILABLE: 5 };

/** Seconds to wait before asking again, when the error is a state to wait out rather than a refusal. */
export function waitOutSeconds(error: CombinedError | undefined): number | null {
  if (!error) return null;
  for (const e of error.graphQLErrors) {
    const seconds = WAIT_OUT[String(e.extensions?.code)];
    if (seconds) return seconds;
  }
  return (error.response as { status?: number } | undefined)?.status === 503 ? 5 : null;
}

/** The first error of a mutation: its message, and the argument it names when the server said which. */
export function problemOf(error: CombinedError | undefined): { argument?: string; message: string } | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  const argument = first?.extensions?.argument as string | undefined;
  // Codes that name nothing or lie outside the account's reach come with the codes themselves, so that
  // the message is the dashboard's own, in its language, rather than the server's English.
  const refused = first?.extensions?.refused as { what: string; codes: string[]; count: number } | undefined;
  if (refused) {
    const thing = t.refusals.things[refused.what] ?? refused.what;
    const codes = refused.codes.join(', ') + (refused.count > refused.codes.length ? ', …' : '');
    const word = first?.extensions?.code === 'FORBIDDEN' ? t.refusals.outside : t.refusals.notFound;
    return { argument, message: word(thing, codes, refused.count) };
  }
  return { argument, message: errorMessage(error) };
}
