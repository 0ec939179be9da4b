// Webhooks end to end: a team admin adds an endpoint in the UI that points at a real HTTP receiver
// on loopback (the e2e server runs with WEBHOOK_ALLOW_PRIVATE_TARGETS=true, see run-e2e.mjs), sees
// its secret once, sends a test, and follows the delivery in the log down to its attempt; the
// receiver got a webhook.test whose signature verifies with that secret (Standard Webhooks).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

import { registerAccount } from '../support/accounts.mjs';

/** A receiver on 127.0.0.1 that answers 200 and keeps every request: headers and raw body. */
async function startReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the e2e receiver');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/hooks/rf`, received, close: () => server.close() };
}

/** The Standard Webhooks signature of one request, keyed with the secret's base64 part. */
function sign(secret, id, timestamp, body) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

/** Whether one of the request's `webhook-signature` entries is the one `secret` makes. */
function signedWith(secret, request) {
  const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': header } = request.headers;
  return header.split(' ').includes(`v1,${sign(secret, id, timestamp, request.body)}`);
}

/** The webhook.test requests the receiver got so far. */
const testsReceived = (receiver) =>
  receiver.received.filter((request) => request.body.toString().includes('"webhook.test"'));

export default {
  name: 'Webhooks: add an endpoint in the UI, send a test, see it delivered and signed',
  timeout: 60_000,
  async run(t) {
    const { page, assert, baseUrl, eventually } = t;
    const receiver = await startReceiver();
    try {
      const account = await registerAccount(baseUrl, 'webhooks');

      t.step('the team admin opens Webhooks from the menu');
      await t.login(account.email, account.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/webhooks');
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await t.expectText(page.locator('main'), 'No webhook endpoints yet');

      t.step('a cloud-metadata address is refused by the API, under the URL field');
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
      await dialog.getByLabel('Endpoint URL').fill('http://169.254.169.254/latest/meta-data');
      await dialog.locator('input[data-event="session.completed"]').check();
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await t.expectText(dialog.locator('#webhook-url-error'), '169.254');
      await t.expectAttribute(dialog.getByLabel('Endpoint URL'), 'aria-invalid', 'true');

      t.step('the receiver on loopback is accepted; the secret is shown once, with a copy button');
      await dialog.getByLabel('Endpoint URL').fill(receiver.url);
      await dialog.getByLabel('Description (optional)').fill('E2E receiver');
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.waitFor({ state: 'detached' });
      const secret = await page.getByTestId('webhook-secret').inputValue();
      assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
      await t.expectText(page.locator('main'), 'This is the only time it is shown');
      await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
      await page.getByTestId('copy-webhook-secret').click();
      await t.expectText(page.getByTestId('copy-webhook-secret'), 'Copied');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      const row = page.locator(`tr[data-endpoint="${receiver.url}"]`);
      await t.expectText(row, 'session.completed');
      await t.expectText(row, 'Enabled');
      assert.ok(!(await page.locator('main').textContent()).includes(secret), 'the secret is gone once dismissed');

      t.step('send a test');
      await row.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
      await t.expectText(page.locator('main'), 'A webhook.test event is on its way');

      t.step('the deliveries log shows it delivered (it looks again by itself while one is on its way)');
      await row.getByRole('link', { name: 'Deliveries', exact: true }).click();
      await page.waitForURL((url) => /^\/admin\/webhooks\/[^/]+$/.test(url.pathname));
      await t.expectText(page.getByTestId('endpoint-url'), receiver.url);
      const delivered = page.locator('tr[data-status="succeeded"]');
      await delivered.waitFor({ timeout: 30_000 });
      await t.expectText(delivered, 'webhook.test');
      await t.expectText(delivered, 'Succeeded');
      await t.expectText(delivered, '200');
      const deliveryId = await delivered.getAttribute('data-delivery');

      t.step('its attempt: when, HTTP 200, how long, the start of the answer');
      await delivered.getByRole('button', { name: /^Attempts of webhook\.test/ }).click();
      const details = page.getByRole('dialog', { name: 'Delivery of webhook.test' });
      const attempts = details.getByTestId('delivery-attempts').locator('li');
      await eventually(async () => assert.equal(await attempts.count(), 1));
      await t.expectText(attempts.first(), 'HTTP 200');
      await t.expectText(attempts.first(), 'ms');
      await t.expectText(attempts.first(), 'thanks from the e2e receiver');

      t.step('redeliver it: a second attempt, with the same webhook-id, shows in the log');
      await details.getByRole('button', { name: 'Redeliver', exact: true }).click();
      await details.waitFor({ state: 'detached' });
      await t.expectText(page.locator('main'), 'queued to be sent again');
      const redelivered = page.locator(`tr[data-delivery="${deliveryId}"]`);
      await eventually(async () => {
        assert.equal(await redelivered.getAttribute('data-status'), 'succeeded');
        assert.equal((await redelivered.locator('td.number').textContent()).trim(), '2');
      }, 30_000);

      t.step('the receiver got the webhook.test twice, same id, each signed with the secret shown once');
      const tests = testsReceived(receiver);
      assert.equal(tests.length, 2);
      assert.equal(tests[1].headers['webhook-id'], tests[0].headers['webhook-id'], 'a redelivery keeps its id');
      assert.ok(signedWith(secret, tests[1]), 'the redelivery is signed too');
      const [request] = tests;
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/hooks/rf');
      assert.match(request.headers['content-type'], /^application\/json/);
      const id = request.headers['webhook-id'];
      const timestamp = request.headers['webhook-timestamp'];
      assert.equal(id, deliveryId, 'webhook-id is the delivery shown in the log');
      assert.match(timestamp, /^\d+$/);
      assert.ok(Math.abs(Date.now() / 1000 - Number(timestamp)) < 300, 'the timestamp is fresh');
      assert.ok(signedWith(secret, request), 'the signature verifies');
      assert.ok(!signedWith(`whsec_${'A'.repeat(43)}=`, request), 'and no other key makes it');
      const event = JSON.parse(request.body.toString());
      assert.equal(event.type, 'webhook.test');
      assert.ok(!Number.isNaN(Date.parse(event.timestamp)));

      t.step('rotate the secret: the new one is shown once; the next event carries both signatures');
      await page.getByRole('link', { name: '← All webhook endpoints' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/webhooks');
      await row.getByRole('button', { name: `Rotate the secret of ${receiver.url}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
      await t.expectText(confirm, 'keeps signing beside it for 24 hours');
      await confirm.getByRole('button', { name: 'Rotate secret', exact: true }).click();
      await confirm.waitFor({ state: 'detached' });
      await t.expectText(page.locator('main'), 'New signing secret');
      const rotated = await page.getByTestId('webhook-secret').inputValue();
      assert.match(rotated, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.notEqual(rotated, secret);
      await row.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
      await eventually(() => assert.equal(testsReceived(receiver).length, 3), 30_000);
      const afterRotation = testsReceived(receiver)[2];
      assert.equal(afterRotation.headers['webhook-signature'].split(' ').length, 2);
      assert.ok(signedWith(rotated, afterRotation), 'signed with the new secret');
      assert.ok(signedWith(secret, afterRotation), 'and, for 24 hours, with the old one');
    } finally {
      receiver.close();
    }
  },
};
