import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AnyVariables, Client } from 'urql';
import { t } from '../i18n/index.ts';
import { formatInteger } from './format.ts';
import { errorMessage } from './loadable.ts';
import { MAX_EXPORT_ROWS } from './table-export.ts';

/** The API's largest page. */
const PAGE = 500;

/**
 * Every row of a list the server pages (its filter and order as on screen), page after page of 500,
 * for a download; refused before the first row past MAX_EXPORT_ROWS, and worded for the interface.
 */
export async function fetchAllRows<D, V extends AnyVariables, Row>(
  client: Client,
  document: TypedDocumentNode<D, V>,
  variables: (page: { first: number; offset: number }) => V,
  pick: (data: D) => { rows: readonly Row[]; totalCount: number } | null,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const result = await client
      .query(document, variables({ first: PAGE, offset }), { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw new Error(errorMessage(result.error));
    const page = result.data ? pick(result.data) : null;
    if (!page) throw new Error(t.downloads.failed);
    if (page.totalCount > MAX_EXPORT_ROWS)
      throw new Error(t.downloads.tooMany(formatInteger(page.totalCount), formatInteger(MAX_EXPORT_ROWS)));
    rows.push(...page.rows);
    if (page.rows.length < PAGE || rows.length >= page.totalCount) return rows;
  }
}
