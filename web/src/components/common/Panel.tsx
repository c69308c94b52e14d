import { type ReactNode, useId } from 'react';
import type { Action } from '../../auth/permissions.ts';

interface PanelProps {
  title: string;
  children: ReactNode;
  className?: string;
  /** The action the panel's content needs, marked so that a test can check the account holds it. */
  action?: Action;
}

/** A white card with a heading; the section is named by its heading for screen readers. */
export function Panel({ title, children, className, action }: PanelProps) {
  const headingId = useId();
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={headingId}
      data-action={action}
    >
      <h2 className="panel__title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
