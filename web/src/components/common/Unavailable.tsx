import { Link, useNavigate } from 'react-router-dom';
import { t } from '../../i18n/index.ts';
import { PageHeading } from '../layout/PageHeading.tsx';

/** What a page's address names, for the words of its refusal. */
export type Thing = 'unit' | 'officer' | 'area' | 'office';

/**
 * The page for an address that names nothing (`/units/ZZ9999X`) or something outside the account's
 * reach (a district head opening another district): said in the user's words, with a way back,
 * rather than another area's page, zeros, or the server's English.
 */
export function Unavailable({ kind, thing, id }: { kind: 'notFound' | 'outside'; thing: Thing; id: string }) {
  const navigate = useNavigate();
  const words = t.unavailable;
  return (
    <section className="panel unavailable">
      <PageHeading title={kind === 'notFound' ? words.notFound[thing](id) : words.outside[thing]} />
      <p>{kind === 'notFound' ? words.notFoundHint : words.outsideHint}</p>
      <p className="unavailable__actions">
        <Link to="/" className="button button--primary">
          {t.notFound.home}
        </Link>
        {window.history.length > 1 && (
          <button type="button" className="button" onClick={() => navigate(-1)}>
            {words.back}
          </button>
        )}
      </p>
    </section>
  );
}
