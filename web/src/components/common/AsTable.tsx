import type { ReactNode } from 'react';
import { t } from '../../i18n/index.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** A chart's figures as a table, folded under it: for screen readers, for copying, for print. */
export function AsTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="as-table">
      <summary>{t.trend.asTable}</summary>
      <ScrollRegion label={label}>{children}</ScrollRegion>
    </details>
  );
}
