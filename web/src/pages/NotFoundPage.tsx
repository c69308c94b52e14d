import { Link } from 'react-router-dom';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { t } from '../i18n/index.ts';

export function NotFoundPage() {
  return (
    <section className="panel not-found">
      <PageHeading title={t.notFound.title} />
      <p>{t.notFound.body}</p>
      <p>
        <Link to="/" className="button">
          {t.notFound.home}
        </Link>
      </p>
    </section>
  );
}
