import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../auth/session.tsx';
import { t } from '../i18n/index.ts';

/** Only same-site paths are followed after signing in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (state.status === 'signed-in') {
    // GraphiQL is its own page, outside this app.
    if (next === '/graphiql') window.location.assign(next);
    else return <Navigate to={next} replace />;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const problem = await signIn(
      String(form.get('username') ?? '').trim(),
      String(form.get('password') ?? ''),
    );
    setBusy(false);
    setError(
      problem === null
        ? null
        : (t.login.errors[problem as keyof typeof t.login.errors] ?? t.login.errors.network),
    );
  }

  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{t.login.title}</h1>
      {params.get('expired') === '1' && state.status !== 'signed-in' && (
        <p className="notice notice--warning" role="status">
          {t.login.expired}
        </p>
      )}
      <p className="login__intro">{t.login.intro}</p>
      <form className="login__form" onSubmit={submit} noValidate>
        <label htmlFor="login-username">{t.login.username}</label>
        <input id="login-username" name="username" autoComplete="username" required />
        <label htmlFor="login-password">{t.login.password}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p className="login__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.login.submitting : t.login.submit}
        </button>
      </form>
    </section>
  );
}
