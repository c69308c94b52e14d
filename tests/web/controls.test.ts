import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTIONS, type Action, permissionsOf } from '../../api/src/auth/policy.ts';
import type { Role } from '../../api/src/db/schema/index.ts';
import { type Dashboard, runBrowser, startDashboard } from '../helpers/browser.ts';
import type { AnyData } from '../helpers/graphql.ts';
import { signIn } from '../helpers/processes.ts';

/*
 * Every control of the dashboard that takes an action of the API carries it (`data-action`). For each
 * demo account this walks the pages it can open and checks that it is offered nothing the API would
 * refuse it (every action found is one /auth/session lists, and /auth/session lists what the policy
 * gives the role), and that it is offered what it holds: each action it holds that has a control in
 * the dashboard is found at least once, so the walk cannot pass by showing nothing.
 */

const DEMO: Record<string, Role> = {
  admin: 'ADMIN',
  tinh: 'PROVINCE',
  phantich: 'ANALYST',
  huyen: 'DISTRICT',
  coso: 'DISTRICT',
  canbo: 'OFFICER',
};

/**
/**
 * The actions the dashboard offers no control for: figures are what every page reads; officers'
 * contacts and goals are set through the API and the command line only. (An account's own tokens
 * and password are on /account, GraphiQL in the header's account menu.)
 */
const WITHOUT_CONTROL: Action[] = ['figures:read', 'staff-contacts:read', 'goal:set'];

/** Nha Trang, the district head's: the district page every account visits. */
const DISTRICT = '568';

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let browser: Browser;
let password: string;

beforeAll(async () => {
  if (!runBrowser) return;
  dashboard = await startDashboard('controls');
  ({ server, password, browser } = dashboard);
});
afterAll(() => dashboard?.close());

async function ask(cookie: string, query: string): Promise<AnyData> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: AnyData }).data;
}

async function contextOf(cookie: string): Promise<BrowserContext> {
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/** The actions of the page's controls once it has drawn what it asked for. */
async function actionsOn(page: Page, path: string, ready?: string): Promise<string[]> {
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('networkidle');
  if (ready) await page.locator(ready).first().waitFor();
  // Nothing is still loading: a panel that shows a control only once its data is there has shown it.
  await expect.poll(() => page.locator('.state--loading').count()).toBe(0);
  return page
    .locator('[data-action]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action') ?? ''));
}

describe.skipIf(!runBrowser)('the controls each account is offered', () => {
  test.each(Object.entries(DEMO))(
    '%s (%s) is offered only what the API lets it do, and all of it',
    async (username, role) => {
      const cookie = await signIn(server.url, username, password);
      const session = (await (await fetch(`${server.url}/auth/session`, { headers: { cookie } })).json()) as {
        user: { permissions: Action[]; staff: { code: string } | null };
      };
      expect(session.user.permissions).toEqual(permissionsOf(role));
      const held = new Set(session.user.permissions);

      // A unit and an officer within the account's reach, so that the pages show their controls: the
      // unit that lags most, whose employees not yet activated each offer to record a reason.
      const reach = await ask(
        cookie,
        '{ today units(scope: {}, first: 1, orderBy: ACTIVATION_RATE_ASC) { edges { node { id officer { id } } } } }',
      );
      const unit = reach.units.edges[0].node;
      const officer = session.user.staff?.code ?? unit.officer?.id;
      const pages: [string, string?][] = [
        ['/'],
        [`/areas/${DISTRICT}`],
        [`/units/${unit.id}`, 'dl.facts'],
        [`/officers/${officer}`],
        ['/record', 'h1'],
        ['/imports', 'h1'],
        [`/reports?asOf=${reach.today}`, held.has('report:read') ? '.report-actions' : 'h1'],
        ['/admin/accounts', held.has('accounts:manage') ? 'table' : 'h1'],
        ['/account', 'form'],
      ];

      const context = await contextOf(cookie);
      const page = await context.newPage();
      const found = new Map<string, string>();
      for (const [path, ready] of pages)
        for (const action of await actionsOn(page, path, ready))
          if (!found.has(action)) found.set(action, path);
      await context.close();

      const refused = [...found].filter(([action]) => !held.has(action as Action));
      expect(refused, 'controls whose action the API refuses this account (action, page)').toEqual([]);
      const missing = ACTIONS.filter((a) => held.has(a) && !WITHOUT_CONTROL.includes(a) && !found.has(a));
      expect(missing, 'actions the account holds that no page offered').toEqual([]);
    },
  );
});
