import { type ReactNode, useId } from 'react';

interface PanelProps {
  title: string;
  children: ReactNode;
  className?: string;
}

/** A white card with a heading; the section is named by its heading for screen readers. */
export function Panel({ title, children, className }: PanelProps) {
  const headingId = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={headingId}>
      <h2 className="panel__title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
