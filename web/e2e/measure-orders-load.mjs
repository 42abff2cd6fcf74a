// Page load time of the Orders list with 10,000 orders in the store (issue 7).
//   node web/e2e/measure-orders-load.mjs --orderly build/orderly --web-root build/web-dist [--orders 10000]
// Seeds the demo data plus N Create orders through the API, then loads /orders in headless
// Chromium as the provider: time from navigation start until the first page of rows is on the
// screen (performance.now() in the page), cold (empty cache) and warm (assets cached), and the
// list request alone. Prints one JSON line.
import { launchBrowser, login, parseArgs, startServer } from './support.mjs';

const args = parseArgs(process.argv.slice(2));
const total = Number(args.orders ?? 10000);
const server = await startServer({ orderly: args.orderly, webRoot: args['web-root'] });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

try {
  const owner = await login(server.baseUrl, 'owner');
  const project = (await owner('GET', '/api/projects/')).find((p) => p.name === 'Climate modelling');
  const offering = (await owner('GET', '/api/marketplace-public-offerings/?page_size=100')).find((o) => o.name === 'Consulting hours');
  const seedStart = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await owner('POST', '/api/marketplace-orders/', {
        project: project.uuid,
        offering: offering.uuid,
        plan: offering.plans[0].uuid,
        attributes: { name: `load-${i}` },
        limits: { cpu: 1 },
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const seedSeconds = (Date.now() - seedStart) / 1000;

  const provider = await login(server.baseUrl, 'provider-owner');
  const count = await fetch(`${server.baseUrl}/api/marketplace-orders/?page_size=1`, {
    headers: { Authorization: `Token ${provider.token}` },
  }).then((reply) => Number(reply.headers.get('X-Result-Count')));

  const apiTimes = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await provider('GET', '/api/marketplace-orders/?o=-created&page=1&page_size=10');
    apiTimes.push(performance.now() - start);
  }

  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('Username').fill('provider-owner');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-name').waitFor();
  await browser.context.clearCookies();

  const loads = [];
  for (let i = 0; i < 6; i++) {
    if (i === 0) {
      // Cold: no cached assets (the HTTP cache is dropped through the DevTools protocol).
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
    }
    await page.goto(`${server.baseUrl}/orders`, { waitUntil: 'commit' });
    await page.locator('[data-testid="orders-table"] tbody tr').nth(9).waitFor();
    loads.push(await page.evaluate(() => performance.now()));
  }
  await browser.close();
  console.log(
    JSON.stringify({
      orders_in_store: count,
      seeded_orders: total,
      seed_seconds: seedSeconds,
      list_api_ms_median: Number(median(apiTimes).toFixed(1)),
      page_load_cold_ms: Number(loads[0].toFixed(0)),
      page_load_warm_ms_median: Number(median(loads.slice(1)).toFixed(0)),
      page_load_warm_ms_all: loads.slice(1).map((v) => Math.round(v)),
    }),
  );
} finally {
  await server.stop();
}
