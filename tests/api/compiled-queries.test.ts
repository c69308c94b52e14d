import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { createApp } from '../../api/src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { loadFixture } from '../helpers/fixtures.ts';
import { type AnyData, execute } from '../helpers/graphql.ts';
import { HAND_MADE } from '../helpers/hand-made.ts';

/*
 * A query asked again runs compiled by graphql-jit (http/compiled-queries.ts), the first time by
 * graphql-js. Whatever the document (lists in lists, fragments, aliases, directives, variables,
 * introspection, refusals, a failing field among good ones), the compiled run answers exactly what
 * graphql-js answered, errors included with their codes, paths and locations.
 */

let database: Database;
let app: Awaited<ReturnType<typeof createApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadFixture(database.db, HAND_MADE);
  app = await createApp(database, { serveWeb: false, now: () => new Date('2021-08-01T03:00:00Z') });
});
afterAll(async () => {
  await app?.stop();
  await database?.close();
});

const QUESTIONS: [string, string, Record<string, unknown>?][] = [
  [
    'figures with their goal and day',
    '{ coverage(asOf: "2021-06-15") { target registered approved activated formSigned verified activationRate units unitsContacted asOf goal { rate } } }',
  ],
  [
    'a breakdown of every dimension, aliased',
    `{ d: breakdown(by: DISTRICT) { key label coverage { target activated } }
       c: breakdown(by: COMMUNE, asOf: "2021-05-20") { key label coverage { activated activationRate } }
       o: breakdown(by: OFFICE) { key label coverage { units } }
       s: breakdown(by: STAFF, asOf: "2021-06-15") { key label coverage { target } }
       u: breakdown(by: UNIT) { key name: label coverage { activated asOf } } }`,
  ],
  [
    'lists in lists, through a fragment',
    `query ($day: Date) { areas(level: DISTRICT) { ...place children { ...place children { code } } } }
     fragment place on Area { id code name level parent { code } coverage(asOf: $day) { target activated } }`,
    { day: '2021-06-01' },
  ],
  [
    'a directive that leaves a field out, and one that keeps it',
    `query ($with: Boolean!, $without: Boolean!) { coverage { target activated @include(if: $with) units @skip(if: $without) } }`,
    { with: false, without: true },
  ],
  [
    'names of the types, and the schema read by introspection',
    '{ __typename coverage { __typename } __type(name: "Coverage") { name fields { name type { kind name ofType { name } } } } }',
  ],
  ['a refusal: an area that does not exist', '{ coverage(scope: { areaId: "999" }) { target } }'],
  [
    'a refusal inside a list, beside figures that are fine',
    '{ ok: coverage { target } areas(level: DISTRICT) { code trend(from: "2021-06-02", to: "2021-06-01") { date } } }',
  ],
  [
    'a variable graphql-js refuses',
    'query ($day: Date) { coverage(asOf: $day) { target } }',
    { day: '2021-02-30' },
  ],
  ['a variable of the wrong type', 'query ($day: Date) { coverage(asOf: $day) { target } }', { day: 7 }],
  [
    'a trend, a last activity and a day that is null',
    '{ trend(from: "2021-04-28", to: "2021-05-12") { date registered activated } lastActivity(asOf: "2021-01-01") later: lastActivity }',
  ],
];

describe('a query asked again', () => {
  test.each(QUESTIONS)('answers as it did the first time: %s', async (_name, query, variables) => {
    const first = await execute(app.apollo, database, query, variables);
    const again = await execute(app.apollo, database, query, variables);
    const third = await execute(app.apollo, database, query, variables);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(first)));
    expect(JSON.parse(JSON.stringify(third))).toEqual(JSON.parse(JSON.stringify(first)));
  });

  test('the questions asked again ran compiled, those with refused variables did not', () => {
    // Every question above but the two whose variables graphql-js refuses.
    expect(app.compiledQueries()).toBe(QUESTIONS.length - 2);
  });

  test('a refusal beside figures keeps both, compiled as at first', async () => {
    const query = '{ ok: coverage { target } lastActivity(scope: { areaId: "999" }) }';
    await execute(app.apollo, database, query);
    const again = await execute<AnyData>(app.apollo, database, query);
    expect(again.data).toEqual({ ok: { target: 7 }, lastActivity: null });
    expect(again.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['lastActivity'], 'NOT_FOUND']]);
  });

  test('the answers above are the figures, not only equal to each other', async () => {
    const query = '{ coverage(asOf: "2021-06-15") { target activated } }';
    const first = await execute<AnyData>(app.apollo, database, query);
    const again = await execute<AnyData>(app.apollo, database, query);
    expect(first.data?.coverage).toEqual(again.data?.coverage);
    expect(again.data?.coverage?.target).toBeGreaterThan(0);
    const refused = await execute(app.apollo, database, '{ coverage(scope: { areaId: "999" }) { target } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
