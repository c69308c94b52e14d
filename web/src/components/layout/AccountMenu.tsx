import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useCan, useSession } from '../../auth/session.tsx';
import { t } from '../../i18n/index.ts';

/**
 * The signed-in account's name and role as a disclosure button: it opens the account's own page
 * (password, API tokens) and, for the accounts whose work is querying, GraphiQL. A plain disclosure
 * rather than an ARIA menu: its entries are links, which Tab reaches and screen readers announce.
 */
export function AccountMenu() {
  const { state } = useSession();
  const can = useCan();
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  // Going to another page closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location is the trigger, not an input
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes it and gives the focus back to its button, from wherever in it the focus was.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) button.current?.focus();
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open]);

  if (state.status !== 'signed-in') return null;
  const { user } = state;
  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen(!open)}
      >
        <span className="visually-hidden">{t.ownAccount.menu}</span>
        <span className="account__name">{user.displayName}</span>
        <span className="account__role">
          {user.office ? t.account.officeRole : t.account.roles[user.role]}
          {user.area ? ` · ${user.area.name}` : ''}
        </span>
        <span aria-hidden="true" className="account-menu__caret">
          ▾
        </span>
      </button>
      <ul id={`${id}-menu`} className="account-menu__list" hidden={!open}>
        {can('password:own') && (
          <li>
            <Link to="/account" data-action="password:own">
              {t.ownAccount.pageLink}
            </Link>
          </li>
        )}
        {can('api:explore') && (
          <li>
            {/* The server's own page, not a route of the dashboard. */}
            <a href="/graphiql" data-action="api:explore">
              {t.ownAccount.graphiql}
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}
