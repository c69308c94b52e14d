import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { connectToSocket, createTestDatabase, onPostgres } from '../helpers/database.ts';

/*
 * The embedded database is one PostgreSQL session shared by every connection (the server's pool and
 * any `pnpm cli`). These tests hold it to what a PostgreSQL server guarantees.
 */

let database: Database;
const clients: postgres.Sql[] = [];

function client(): postgres.Sql {
  const sql = connectToSocket(database.socketPath);
  clients.push(sql);
  return sql;
}

beforeAll(async () => {
  if (onPostgres) return;
  database = await createTestDatabase({ max: 4 });
  await database.sql`create table ledger (id int primary key, note text)`;
});
afterAll(async () => {
  for (const sql of clients) await sql.end({ timeout: 1 });
  await database?.close();
});

describe.skipIf(onPostgres)('the embedded database shared by several connections', () => {
  test('many concurrent queries of different shapes each get their own answer', async () => {
    const other = client();
    const asked = Array.from({ length: 120 }, (_, i) =>
      i % 3 === 0
        ? database.sql`select ${i}::int + 1 as v`.then((r) => r[0]?.v === i + 1)
        : i % 3 === 1
          ? other`select (${'2021-01-01'}::date + ${i}::int)::text as v`.then(
              (r) => typeof r[0]?.v === 'string' && r[0].v.startsWith('202'),
            )
          : database.sql`select ${`n${i}`}::text || 'x' as v`.then((r) => r[0]?.v === `n${i}x`),
    );
    expect(await Promise.all(asked)).toEqual(asked.map(() => true));
  });

  test('a large answer arrives intact (the socket sends copies, not views of PGlite’s memory)', async () => {
    const rows =
      await database.sql`select g, repeat(md5(g::text), 20) as payload from generate_series(1, 20000) g`;
    expect(rows).toHaveLength(20000);
    const wrong = rows.filter(
      (r, i) =>
        r.g !== i + 1 || r.payload.length !== 640 || !r.payload.startsWith(r.payload.slice(0, 32).repeat(2)),
    );
    expect(wrong).toEqual([]);
  });

  test('a transaction runs alone: another connection neither sees nor breaks into it', async () => {
    const other = client();
    await other`select 1`; // connected before the transaction starts
    let seen: number | undefined;
    let reader: Promise<void> | undefined;
    await database.sql.begin(async (tx) => {
      await tx`insert into ledger values (1, 'uncommitted')`;
      // give the other connection every chance to run in the middle of this transaction
      reader = other`select count(*)::int as n from ledger`.then((r) => {
        seen = r[0]?.n;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toBeUndefined();
      await tx`insert into ledger values (2, 'uncommitted')`;
    });
    await reader;
    expect(seen).toBe(2);
  });

  test('a connection that dies inside a transaction leaves nothing behind and frees the database', async () => {
    const doomed = client();
    const reserved = await doomed.reserve();
    await reserved`begin`;
    await reserved`insert into ledger values (99, 'never committed')`;
    // the process dies: its socket closes without COMMIT
    reserved.release();
    await doomed.end({ timeout: 0 });
    const rows = await database.sql`select id from ledger order by id`;
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    await database.sql`insert into ledger values (3, 'after')`;
    expect((await database.sql`select count(*)::int as n from ledger`)[0]?.n).toBe(3);
  });
});
