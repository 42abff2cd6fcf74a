// The browser tests of issue 7: Debian's Chromium driven by playwright-core against a real
// `orderly serve` on the demo data. Every step asserts what the page shows, and every page is
// screenshotted into the folder printed at the start.
//   node --test web/e2e/ui.test.mjs   with ORDERLY_BIN, ORDERLY_WEB_ROOT and E2E_SCREENSHOTS set
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDirectory, launchBrowser, login, startServer } from './support.mjs';

const orderly = process.env.ORDERLY_BIN;
const webRoot = process.env.ORDERLY_WEB_ROOT;
const shotsRoot = process.env.E2E_SCREENSHOTS || join(process.cwd(), 'e2e-output');
rmSync(shotsRoot, { recursive: true, force: true }); // only this run's pages
const shots = ensureDirectory(shotsRoot);
console.log(`screenshots: ${shots}`);

let server;
let browser;
let page;
let shotNumber = 0;

async function shot(name) {
  shotNumber += 1;
  await page.screenshot({ path: join(shots, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true });
}

// Waits for the toast with exactly this text (ui.md §3); fails with the toasts actually shown.
async function toast(text) {
  const found = page.locator('.toast', { hasText: text });
  try {
    await found.first().waitFor({ state: 'visible' });
  } catch (error) {
    const shown = await page.locator('.toast').allInnerTexts();
    throw new Error(`no toast "${text}"; shown: ${JSON.stringify(shown)}`);
  }
}

async function heading() {
  return (await page.locator('h1').first().innerText()).trim();
}

async function badgeInHeading(label) {
  await page.locator('h1 .badge', { hasText: label }).waitFor();
}

async function chooseAction(label) {
  await page.getByRole('button', { name: 'Actions' }).first().click();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
}

async function signIn(username) {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-name').waitFor();
}

async function rowStates() {
  return page.locator('[data-testid="orders-table"] tbody [data-state]').evaluateAll((nodes) => nodes.map((n) => n.dataset.state));
}

async function waitForRows(predicate) {
  await page.waitForFunction(
    (source) => {
      const states = [...document.querySelectorAll('[data-testid="orders-table"] tbody [data-state]')].map((n) => n.dataset.state);
      return new Function('states', `return (${source})(states)`)(states);
    },
    predicate.toString(),
  );
}

before(async () => {
  assert.ok(orderly && webRoot, 'set ORDERLY_BIN and ORDERLY_WEB_ROOT');
  server = await startServer({ orderly, webRoot });
  // A second order awaiting the provider, for the approve step (the demo has one, which we reject).
  const owner = await login(server.baseUrl, 'owner');
  const [project] = (await owner('GET', '/api/projects/?name=Climate%20modelling')).filter((p) => p.name === 'Climate modelling');
  const offering = (await owner('GET', '/api/marketplace-public-offerings/?page_size=100')).find((o) => o.name === 'Consulting hours');
  for (const name of ['e2e approve me', 'e2e changed meanwhile']) {
    await owner('POST', '/api/marketplace-orders/', {
      project: project.uuid,
      offering: offering.uuid,
      plan: offering.plans[0].uuid,
      attributes: { name },
      limits: { cpu: 5 },
    });
  }
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(30000);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('provider', () => {
  test('logs in and sees their name and roles', async () => {
    await signIn('provider-owner');
    assert.equal(await page.getByTestId('user-name').innerText(), 'Hannah Provider');
    assert.match(await page.getByTestId('user-roles').innerText(), /CUSTOMER\.OWNER/);
    await page.locator('[data-testid="orders-table"] tbody tr').first().waitFor();
    assert.equal(await heading(), 'Orders');
    await shot('orders-list');
  });

  test('filters the orders list by state and type, kept in the URL', async () => {
    await page.getByLabel('State', { exact: true }).selectOption('pending-provider');
    await page.waitForURL(/state=pending-provider/);
    await waitForRows((states) => states.length > 0 && states.every((s) => s === 'pending-provider'));
    const states = await rowStates();
    assert.ok(states.length >= 3, `pending-provider rows: ${states.length}`);
    // Pending-provider rows carry the provider's row menu (Approve / Decline).
    await page.getByRole('button', { name: 'Actions for web-frontend (awaiting provider)' }).click();
    assert.deepEqual(await page.getByRole('menu').getByRole('menuitem').allInnerTexts(), ['Approve', 'Decline']);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    assert.equal(await page.locator('tbody .badge').first().innerText(), 'Pending provider approval');
    await page.getByLabel('Type', { exact: true }).selectOption('Terminate');
    await page.waitForURL(/type=Terminate/);
    await waitForRows((states) => states.length === 1);
    await page.getByRole('list', { name: 'Active filters' }).getByText('Type: Terminate').waitFor();
    await shot('orders-filtered');
    // The filtered view survives a reload: the filters live in the URL.
    await page.reload();
    await waitForRows((states) => states.length === 1);
    assert.equal(await page.getByLabel('Type', { exact: true }).inputValue(), 'Terminate');
    await page.getByRole('button', { name: 'Remove filter Type: Terminate' }).click();
    await page.getByLabel('State', { exact: true }).selectOption('done');
    await waitForRows((states) => states.length > 0 && states.every((s) => s === 'done'));
    assert.equal(await page.getByRole('button', { name: /^Actions for / }).first().isDisabled(), true);
    await page.getByRole('button', { name: 'Remove filter State: Done' }).click();
    await waitForRows((states) => states.length >= 3 && new Set(states).size > 1);
  });

  test('shows an empty state when nothing matches', async () => {
    await page.getByLabel('Search').fill('no-such-order-anywhere');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('empty-state').waitFor();
    assert.match(await page.getByTestId('empty-state').innerText(), /No orders found matching current filters/);
    await shot('orders-empty');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.locator('[data-testid="orders-table"] tbody tr').first().waitFor();
  });

  test('shows the server\'s message when an action fails', async () => {
    // The list does not poll: the row still offers Approve after the order was canceled elsewhere.
    await page.goto(`${server.baseUrl}/orders?state=pending-provider`);
    const row = page.locator('tbody tr', { hasText: 'e2e changed meanwhile' });
    await row.waitFor();
    const owner = await login(server.baseUrl, 'owner');
    const [order] = await owner('GET', '/api/marketplace-orders/?query=e2e%20changed%20meanwhile');
    await owner('POST', `/api/marketplace-orders/${order.uuid}/cancel/`);
    await page.getByRole('button', { name: 'Actions for e2e changed meanwhile' }).click();
    await page.getByRole('menuitem', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await toast('Unable to approve order. 409: Conflict.');
    await shot('orders-action-failed');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  test('opens a pending order and rejects it with a reason', async () => {
    await page.goto(`${server.baseUrl}/orders?state=pending-provider`);
    await page.getByRole('link', { name: 'web-frontend (awaiting provider)' }).click();
    await badgeInHeading('Pending provider approval');
    assert.match(await heading(), /web-frontend \(awaiting provider\)/);
    await shot('order-pending');
    await chooseAction('Decline');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Are you sure you want to reject this order?').waitFor();
    assert.match(await dialog.innerText(), /Reject order/);
    await dialog.getByLabel('Rejection reason (optional)').fill('No capacity for web frontends this month.');
    await shot('order-reject-dialog');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await toast('Order has been rejected.');
    await badgeInHeading('Rejected');
    await page.getByRole('tab', { name: 'Rejection details' }).click();
    await page.getByText('No capacity for web frontends this month.').waitFor();
    await shot('order-rejected');
  });

  test('approves another order and marks it done', async () => {
    await page.goto(`${server.baseUrl}/orders?state=pending-provider`);
    await page.getByRole('link', { name: 'e2e approve me' }).click();
    await badgeInHeading('Pending provider approval');
    await chooseAction('Approve');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Are you sure you want to approve this order?').waitFor();
    assert.match(await dialog.innerText(), /Client organization\s+Demo University/);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await toast('Order has been approved.');
    await badgeInHeading('Executing');
    await shot('order-approved');
    await chooseAction('Mark as done');
    await toast('Order has been marked as done.');
    await badgeInHeading('Done');
    await shot('order-done');
  });

  test('reads the error details of an erred order, then retries it', async () => {
    await page.goto(`${server.baseUrl}/orders?state=erred`);
    await page.getByRole('link', { name: 'hpc-allocation (failed)' }).click();
    await badgeInHeading('Erred');
    await page.getByRole('tab', { name: 'Error details' }).click();
    const details = page.getByTestId('error-details');
    await details.getByText('sacctmgr: account limit exceeded').waitFor();
    assert.match(await details.innerText(), /site-agent: create_account\("hpc-allocation"\) returned 1/);
    await shot('order-error-details');
    await chooseAction('Retry');
    const dialog = page.getByRole('dialog');
    assert.match(await dialog.innerText(), /Retry order/);
    assert.match(await dialog.innerText(), /error message and traceback will be cleared and the order resubmitted/);
    await shot('order-retry-dialog');
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await toast('Order has been submitted for retry.');
    await badgeInHeading('Executing');
    // The retry cleared the order's error; the tab is gone and the History keeps it.
    assert.equal(await page.getByRole('tab', { name: 'Error details' }).count(), 0);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByTestId('history').getByText('sacctmgr: account limit exceeded').first().waitFor();
    await shot('order-history');
  });

  test('sets a Terminating resource as erred, then OK', async () => {
    await page.goto(`${server.baseUrl}/orders?state=pending-provider&type=Terminate`);
    await waitForRows((states) => states.length === 1);
    await page.locator('[data-testid="orders-table"] tbody a').first().click();
    await page.getByRole('link', { name: 'scratch (terminating)' }).click();
    await page.getByTestId('resource-state').getByText('Terminating').waitFor();
    await shot('resource-terminating');
    await page.getByRole('button', { name: 'Actions' }).first().click();
    await page.getByRole('group', { name: 'Provider actions' }).waitFor();
    await shot('resource-actions-menu');
    await page.getByRole('menuitem', { name: 'Set as erred', exact: true }).click();
    const dialog = page.getByRole('dialog');
    assert.match(await dialog.innerText(), /state override/);
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await toast('Resource has been set as erred.');
    await page.getByTestId('resource-state').getByText('Erred').waitFor();
    await shot('resource-erred');
    await chooseAction('Set state OK');
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await toast('Resource state has been set to OK.');
    await page.getByTestId('resource-state').getByText('OK', { exact: true }).waitFor();
    await shot('resource-ok');
  });

  test('an order page follows a change made elsewhere without a reload', async () => {
    await page.goto(`${server.baseUrl}/orders?state=executing`);
    await page.getByRole('link', { name: 'gpu-node (in progress)' }).click();
    await badgeInHeading('Executing');
    await page.getByText('updating live').waitFor();
    const uuid = page.url().match(/marketplace-order-details\/([0-9a-f]+)/)[1];
    const provider = await login(server.baseUrl, 'provider-owner');
    await provider('POST', `/api/marketplace-orders/${uuid}/set_state_done/`);
    await badgeInHeading('Done');
    assert.equal(await page.getByText('updating live').count(), 0);
  });

  test('logs out', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Sign in to orderly' }).waitFor();
  });
});

describe('consumer', () => {
  test('creates an order with the form and cancels it', async () => {
    await signIn('owner');
    assert.equal(await page.getByTestId('user-name').innerText(), 'Olivia Owner');
    await page.getByRole('link', { name: 'New order' }).first().click();
    await page.getByLabel('Project').selectOption({ label: 'Demo University / Climate modelling' });
    await page.getByLabel('Offering').selectOption({ label: 'Consulting hours (HPC Centre)' });
    await page.getByLabel('Plan').selectOption({ label: 'Small (10.00)' });
    await page.getByLabel('Name').fill('e2e consumer order');
    await page.getByLabel('CPU hours (hours)').fill('12');
    await shot('order-form');
    await page.getByRole('button', { name: 'Create order' }).click();
    await toast('Order has been submitted.');
    await badgeInHeading('Pending provider approval');
    assert.match(await heading(), /e2e consumer order/);
    assert.match(await page.getByRole('tabpanel').innerText(), /cpu\s+12/);
    // From the keyboard: Enter opens the menu with focus on its first item, Escape closes it and
    // returns focus to the toggle, Enter on an item runs it.
    const toggle = page.getByRole('button', { name: 'Actions' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-haspopup')), 'menu');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
    await page.keyboard.press('Enter');
    await toast('Order has been canceled.');
    await badgeInHeading('Canceled');
    await shot('consumer-order-canceled');
  });

  test('sees their orders and resources, and terminates a resource after confirming', async () => {
    await page.getByRole('link', { name: 'My orders' }).click();
    await page.getByRole('link', { name: 'e2e consumer order' }).waitFor();
    await shot('my-orders');
    await page.getByRole('link', { name: 'My resources' }).click();
    await page.getByRole('button', { name: 'Terminate database (running)' }).click();
    const dialog = page.getByRole('dialog');
    assert.match(await dialog.innerText(), /Terminate resource/);
    await dialog.getByRole('button', { name: 'Terminate' }).click();
    await toast('Resource termination has been requested.');
    await page.getByRole('button', { name: 'Terminate database (running)' }).waitFor({ state: 'detached' });
    await shot('my-resources');
  });

  test('works on a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByRole('link', { name: 'My orders' }).click();
    await page.getByRole('link', { name: 'e2e consumer order' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await shot('my-orders-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('staff', () => {
  test('force destroys a resource after a danger confirmation, and unlinks another', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await signIn('staff');
    await page.getByRole('link', { name: 'My resources' }).click();
    await page.getByRole('link', { name: 'storage (broken)' }).click();
    await page.getByTestId('resource-state').getByText('Erred').waitFor();
    await page.getByRole('button', { name: 'Actions' }).first().click();
    for (const group of ['Resource actions', 'Provider actions', 'Staff actions']) {
      await page.getByRole('group', { name: group }).waitFor();
    }
    assert.deepEqual(await page.getByRole('group', { name: 'Staff actions' }).getByRole('menuitem').allInnerTexts(), [
      'Force destroy (staff)',
      'Unlink (staff)',
    ]);
    await shot('resource-staff-actions');
    await page.getByRole('menuitem', { name: /Force destroy/ }).click();
    const dialog = page.getByRole('dialog');
    assert.match(await dialog.innerText(), /Danger: the resource is terminated even if the provider cannot clean it up/);
    await shot('resource-force-destroy-dialog');
    await dialog.getByRole('button', { name: 'Force destroy' }).click();
    await toast('Resource deletion has been scheduled.');
    await page.locator('tbody tr', { hasText: 'Terminate' }).first().waitFor();

    await page.getByRole('link', { name: 'My resources' }).click();
    await page.getByRole('link', { name: 'legacy (terminated)' }).click();
    await page.getByText('Resource is TERMINATED').waitFor();
    await chooseAction('Unlink (staff)');
    assert.match(await page.getByRole('dialog').innerText(), /Unlink resource/);
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await toast('Resource has been unlinked.');
    await page.getByRole('heading', { name: 'My resources' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'legacy (terminated)' }).count(), 0);
  });
});
