import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createScratchPostgres, onPostgres } from '../helpers/database.ts';
import { demoPassword, runCli, signIn, startServer, stopServer } from '../helpers/processes.ts';

/*
 * The commands as a newcomer runs them: `pnpm start` on an empty database migrates, loads the areas,
 * seeds the demo data and serves; `pnpm cli` works beside it on the same data.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vssid-data-'));
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;
let server: Awaited<ReturnType<typeof startServer>>;

/** The demo administrator's session on the server under test. */
let cookie: string;

async function graphql(query: string, headers: Record<string, string> = { cookie }) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: Record<string, Record<string, number>> };
}

beforeAll(async () => {
  if (onPostgres) {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL as string);
    env = { DATABASE_URL: scratch.url, DATA_DIR: dataDir };
    dropDatabase = scratch.drop;
  } else {
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
  }
  server = await startServer(env);
  cookie = await signIn(server.url, 'admin', demoPassword(server.output()));
});
afterAll(async () => {
  if (server) await stopServer(server.child);
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm start on an empty database', () => {
  test('seeds the demo data, says how long it took, and serves it', async () => {
    expect(server.output()).toMatch(/Loaded the reference areas of Khánh Hòa/);
    expect(server.output()).toMatch(/Seeded 1\.200 units, [\d.]+ persons, [\d.]+ steps in [\d.]+ s/);
    const { data } = await graphql('{ coverage { units target } }');
    expect(data.coverage?.units).toBe(1200);
  });

  test('prints one demo account per role, each of which signs in and reads what its role may', async () => {
    const output = server.output();
    for (const [username, role] of [
      ['admin', 'ADMIN'],
      ['tinh', 'PROVINCE'],
      ['phantich', 'ANALYST'],
      ['huyen', 'DISTRICT'],
      ['canbo', 'OFFICER'],
    ])
      expect(output).toMatch(new RegExp(`${username}\\s+${role}`));
    expect(output).toContain('pnpm cli user add <username> --role ADMIN --password-stdin');
    const district = await graphql('{ coverage { units } }', {
      cookie: await signIn(server.url, 'huyen', demoPassword(output)),
    });
    expect(district.data.coverage?.units).toBeGreaterThan(0);
    expect(district.data.coverage?.units).toBeLessThan(1200);
  });

  test('without a session or token the API answers 401 and nothing else', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringContaining('Sign in'), extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});

describe('pnpm cli user and token', () => {
  test('an account made on the command line gets a token that works until it is revoked', async () => {
    const add = await runCli(
      ['user', 'add', 'nguyen.van.a', '--role', 'ANALYST', '--password-stdin'],
      env,
      'mật khẩu đủ dài\n',
    );
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Created ANALYST account "nguyen.van.a"');
    const created = await runCli(['token', 'create', 'nguyen.van.a', '--expires-in-days', '7'], env);
    const token = created.stdout.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^vss_[0-9a-f]{8}_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await graphql('{ coverage { units } }', bearer)).data.coverage?.units).toBe(1200);
    const list = await runCli(['token', 'list'], env);
    expect(list.stdout).toMatch(new RegExp(`${token.slice(0, 12)}\\s+nguyen\\.van\\.a .* valid`));
    const revoke = await runCli(['token', 'revoke', token.slice(0, 12)], env);
    expect(revoke.stdout).toContain('revoked');
    const after = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer },
      body: JSON.stringify({ query: '{ coverage { units } }' }),
    });
    expect(after.status).toBe(401);
  });

  test('an account bound to an office reads the units that office manages, and is listed with it', async () => {
    const add = await runCli(
      ['user', 'add', 'coso.nhatrang', '--role', 'DISTRICT', '--office', 'BHXH-568', '--password-stdin'],
      env,
      'mật khẩu đủ dài\n',
    );
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Created DISTRICT account "coso.nhatrang" for office BHXH-568.');
    expect((await runCli(['user', 'list'], env)).stdout).toMatch(
      /coso\.nhatrang\s+DISTRICT\s+office BHXH-568/,
    );
    const created = await runCli(['token', 'create', 'coso.nhatrang'], env);
    const bearer = { authorization: `Bearer ${created.stdout.trim().split('\n').at(-1)}` };
    const { data } = await graphql(
      '{ coverage { units } office: coverage(scope: { officeId: "BHXH-568" }) { units } }',
      bearer,
    );
    expect(data.coverage?.units).toBeGreaterThan(0);
    expect(data.coverage).toEqual(data.office);
  });

  test('refuses what it cannot make sense of, saying why', async () => {
    const cases: [string[], string, RegExp][] = [
      [
        ['user', 'add', 'x.huyen', '--role', 'DISTRICT', '--password-stdin'],
        'mật khẩu đủ dài',
        /needs an area or an office/,
      ],
      [
        [
          'user',
          'add',
          'w.huyen',
          '--role',
          'DISTRICT',
          '--area',
          '568',
          '--office',
          'BHXH-568',
          '--password-stdin',
        ],
        'mật khẩu đủ dài',
        /bound to an area or to an office, not both/,
      ],
      [
        ['user', 'add', 'v.huyen', '--role', 'DISTRICT', '--office', 'BHXH-999', '--password-stdin'],
        'mật khẩu đủ dài',
        /no office with code "BHXH-999"/,
      ],
      [
        ['user', 'add', 'y.huyen', '--role', 'DISTRICT', '--area', '999', '--password-stdin'],
        'mật khẩu đủ dài',
        /no area with code "999"/,
      ],
      [['user', 'add', 'z', '--role', 'ADMIN', '--password-stdin'], 'mật khẩu đủ dài', /not a username/],
      [['user', 'add', 'ngan', '--role', 'ADMIN', '--password-stdin'], 'ngắn', /at least 10 characters/],
      [['user', 'add', 'admin', '--role', 'ADMIN', '--password-stdin'], 'mật khẩu đủ dài', /already exists/],
      [['token', 'revoke', 'vss_00000000'], '', /No token has the prefix/],
    ];
    for (const [args, input, message] of cases) {
      const result = await runCli(args, env, input);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });

  test('a disabled account is refused at once, sessions and tokens alike', async () => {
    const add = await runCli(
      ['user', 'add', 'tam.thoi', '--role', 'PROVINCE', '--password-stdin'],
      env,
      'mật khẩu đủ dài',
    );
    expect(add.code).toBe(0);
    const session = await signIn(server.url, 'tam.thoi', 'mật khẩu đủ dài');
    const token = (await runCli(['token', 'create', 'tam.thoi'], env)).stdout
      .trim()
      .split('\n')
      .at(-1) as string;
    expect((await graphql('{ coverage { units } }', { cookie: session })).data.coverage?.units).toBe(1200);
    expect((await runCli(['user', 'disable', 'tam.thoi'], env)).code).toBe(0);
    for (const headers of [{ cookie: session }, { authorization: `Bearer ${token}` }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ coverage { units } }' }),
      });
      expect(response.status).toBe(401);
    }
    await expect(signIn(server.url, 'tam.thoi', 'mật khẩu đủ dài')).rejects.toThrow(/401/);
    expect((await runCli(['user', 'list'], env)).stdout).toMatch(/tam\.thoi\s+PROVINCE\s+disabled/);
  });
});

describe('pnpm cli', () => {
  test('--help lists the commands', async () => {
    const { code, stdout } = await runCli(['--help'], env);
    expect(code).toBe(0);
    for (const command of ['migrate', 'seed', 'coverage']) expect(stdout).toContain(command);
  });

  test('output into a reader that stopped (| head) ends quietly, without a stack', async () => {
    const result = await runCli(['coverage', '--area', '568', '--as-of', '01/06/2021'], env, '', {
      readerGone: true,
    });
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(result.code).toBe(0);
  });

  test('coverage while the server runs prints the figures the API gives', async () => {
    const { data } = await graphql(
      '{ coverage(scope: { areaId: "568" }, asOf: "2021-06-01") { target activated unitsContacted units } }',
    );
    const c = data.coverage as Record<string, number>;
    const { code, stdout, stderr } = await runCli(
      ['coverage', '--area', '568', '--as-of', '01/06/2021'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
    expect(stdout).toMatch(new RegExp(`insured persons\\s+${vn(c.target as number).replace('.', '\\.')}\\b`));
    expect(stdout).toMatch(new RegExp(`activated\\s+${vn(c.activated as number).replace('.', '\\.')}\\b`));
    expect(stdout).toContain(
      `units contacted   ${vn(c.unitsContacted as number)} of ${vn(c.units as number)}`,
    );
  });

  test('a bad date or an unknown area is refused with a message that says what is wrong', async () => {
    const badDate = await runCli(['coverage', '--as-of', '30/02/2021'], env);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain('"30/02/2021" is not a real day');
    const unknown = await runCli(['coverage', '--area', '999'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown area code "999"');
  });

  test('goal set while the server runs: the API answers with it at once', async () => {
    // 568 is a district of 2021's map (and 2024's); today's has none.
    const unnamed = await runCli(
      ['goal', 'set', '--area', '568', '--rate', '80%', '--deadline', '31/12/2021'],
      env,
    );
    expect(unnamed.stderr).toContain(
      'Unknown area code "568": there is no area "568" in geography KH-2025; it is in KH-2021, KH-2024 (pass --geography).',
    );
    const set = await runCli(
      ['goal', 'set', '--area', '568', '--geography', 'KH-2021', '--rate', '80%', '--deadline', '31/12/2021'],
      env,
    );
    expect(set.stderr).toBe('');
    expect(set.stdout).toContain('Goal of area 568: 80,0% activated by 2021-12-31.');
    const { data } = await graphql(
      '{ area(id: "22342", geography: "KH-2021") { coverage(asOf: "2021-12-01") { goal { rate deadline daysLeft area { id } } } } }',
    );
    expect(data.area).toEqual({
      coverage: { goal: { rate: 0.8, deadline: '2021-12-31', daysLeft: 30, area: { id: '568' } } },
    });
    const bad = await runCli(
      [
        'goal',
        'set',
        '--area',
        '568',
        '--geography',
        'KH-2021',
        '--rate',
        '120%',
        '--deadline',
        '31/12/2021',
      ],
      env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not a rate between 0 and 1');
  });

  test('seed refuses a database that already has data, and changes nothing', async () => {
    const { code, stderr } = await runCli(['seed', '--scale', 'tiny'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('already has 1200 units');
    const { data } = await graphql('{ coverage { units } }');
    expect(data.coverage?.units).toBe(1200);
  });
});

describe.skipIf(onPostgres)('the embedded database is one process’s at a time', () => {
  test('a second server on the same folder refuses to start and says why', async () => {
    await expect(startServer(env)).rejects.toThrow(/already served by another process/);
  });

  test('after the server stops, the data is still there and the CLI opens it directly', async () => {
    const before = await graphql('{ coverage(asOf: "2021-09-01") { activated } }');
    expect(await stopServer(server.child)).toBe(0);
    const { code, stdout } = await runCli(['coverage', '--as-of', '2021-09-01'], env);
    expect(code).toBe(0);
    const activated = new Intl.NumberFormat('vi-VN').format(before.data.coverage?.activated as number);
    expect(stdout).toMatch(new RegExp(`activated\\s+${activated.replace('.', '\\.')}\\b`));
  });
});

describe.skipIf(onPostgres)('a server killed outright', () => {
  test('leaves data that the next start opens at once, with nothing lost', async () => {
    // The folder seeded at the top of this file, whose server the tests above stopped: served again,
    // written to, then killed without a chance to close the database.
    const password = demoPassword(server.output());
    const query = async (url: string, body: string) =>
      (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: await signIn(url, 'admin', password) },
          body: JSON.stringify({ query: body }),
        })
      ).json();
    const figures = '{ coverage { target activated } goals { area { id } rate deadline } }';
    const first = await startServer(env);
    const set = await query(
      first.url,
      'mutation { setGoal(areaId: "22366", rate: 0.66, deadline: "2031-12-31") { rate } }',
    );
    expect(set, JSON.stringify(set)).toEqual({ data: { setGoal: { rate: 0.66 } } });
    const before = await query(first.url, figures);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const second = await startServer(env);
    try {
      expect(second.output()).not.toMatch(/Seeded/);
      const after = await query(second.url, figures);
      expect(after).toEqual(before);
      expect(after.data.goals).toContainEqual({ area: { id: '22366' }, rate: 0.66, deadline: '2031-12-31' });
    } finally {
      await stopServer(second.child);
    }
  });
});
