import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Database, openDatabase } from '../../api/src/db/client.ts';
import { VersionReader } from '../../api/src/db/versions.ts';
import { createTestDatabase } from '../helpers/database.ts';

/*
 * The write counters every request reads first (db/versions.ts): at most one read at a time, each
 * request served by a read that began after it arrived, and during an outage one failure for all the
 * requests that waited on it.
 */

let database: Database;
const statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
});
afterAll(async () => {
  await database?.close();
});

const countersReads = () => statements.filter((s) => s.includes('from data_versions')).length;

test('requests arriving during a read share one read that starts after it, however many they are', async () => {
  const reader = new VersionReader(database.db);
  await database.db.execute(sql`update data_versions set version = version + 1 where name = 'data'`);
  const before = countersReads();
  const first = reader.read();
  const waiting = Array.from({ length: 20 }, () => reader.read());
  const [one, ...rest] = await Promise.all([first, ...waiting]);
  expect(countersReads() - before).toBe(2);
  expect(new Set(rest).size).toBe(1);
  expect(one?.data).toBeGreaterThan(0);
  expect(rest[0]).toEqual(one);
});

test('when the read under way fails, the requests waiting on it fail with it instead of trying again', async () => {
  // A server that takes connections and never answers them: a postmaster listening but not yet accepting.
  const held: net.Socket[] = [];
  const silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as net.AddressInfo).port;
  const away = await openDatabase({ url: `postgres://nobody@127.0.0.1:${port}/none`, dataDir: '' });
  try {
    const reader = new VersionReader(away.db);
    const results = await Promise.allSettled([reader.read(), reader.read(), reader.read()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const [first, ...waiting] = results as PromiseRejectedResult[];
    for (const r of waiting) expect(r.reason).toBe(first?.reason);
    // One connection attempt timed out for all three, not one after another.
    expect(held.length).toBe(1);
  } finally {
    for (const socket of held) socket.destroy();
    await away.close().catch(() => {});
    silent.close();
  }
});
