// A very small spec runner: each spec gets a fresh Chromium profile (so no localStorage leaks
// between specs), one page, and a helper object `t`. A spec fails on a thrown error, on an
// uncaught error in the page, or after its timeout; a failure leaves a screenshot in e2e/output/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const SPEC_TIMEOUT_MS = 30_000;
const UI_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Retries an assertion until it holds or the time is up (for state the UI reaches asynchronously). */
export async function eventually(check, timeout = UI_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function helpers({ page, context, baseUrl, outputDir, log }) {
  const t = {
    page,
    context,
    baseUrl,
    assert,
    eventually,
    /** The current step, reported when the spec fails. */
    currentStep: 'start',

    step(name) {
      t.currentStep = name;
      log(`    · ${name}`);
    },

    async goto(path) {
      await page.goto(new URL(path, baseUrl).toString());
    },

    async screenshot(name) {
      await page.screenshot({ path: join(outputDir, name) });
    },

    /** Waits until the locator's text contains `text`. */
    async expectText(locator, text) {
      await eventually(async () =>
        assert.ok(
          (await locator.textContent())?.includes(text),
          `expected "${text}" in: ${await locator.textContent()}`,
        ),
      );
    },

    async expectAttribute(locator, name, value) {
      await eventually(async () => assert.equal(await locator.getAttribute(name), value));
    },

    /** Signs in through the login form and waits for the signed-in shell. */
    async login(email, password) {
      await t.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Log out' }).waitFor();
    },
  };
  return t;
}

async function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${name}" took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runSpecs(specs, { baseUrl, chromiumPath, outputDir, log }) {
  let passed = 0;
  let failed = 0;
  for (const spec of specs) {
    const from = Date.now();
    const profile = mkdtempSync(join(tmpdir(), 'rf-e2e-chromium-'));
    const pageErrors = [];
    let context = null;
    let t = null;
    log(`▶ ${spec.name}`);
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(UI_TIMEOUT_MS);
      page.on('pageerror', (error) => pageErrors.push(error));
      t = helpers({ page, context, baseUrl, outputDir, log });
      await withTimeout(spec.run(t), spec.timeout ?? SPEC_TIMEOUT_MS, spec.name);
      if (pageErrors.length) {
        throw new Error(
          `uncaught error(s) in the page:\n${pageErrors.map((error) => `  ${error.stack ?? error}`).join('\n')}`,
        );
      }
      passed += 1;
      log(`✓ ${spec.name} (${((Date.now() - from) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      const shot = `failure-${spec.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
      await t?.screenshot(shot).catch(() => undefined);
      log(`✗ ${spec.name} (${((Date.now() - from) / 1000).toFixed(1)} s), at step: ${t?.currentStep ?? 'launch'}`);
      console.error(String(error instanceof Error ? (error.stack ?? error.message) : error).replace(/^/gm, '    '));
      if (t) console.error(`    screenshot: e2e/output/${shot}`);
    } finally {
      await context?.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return { passed, failed };
}
