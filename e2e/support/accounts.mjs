// Accounts of their own for specs that should not depend on the demo data or on each other:
// each is registered through the API (as a new customer would) with a unique e-mail.
import { randomBytes } from 'node:crypto';

export const E2E_PASSWORD = 'e2e-password-1234';

/** A new account and its team admin: { email, password, token (JWT), user }. */
export async function registerAccount(baseUrl, label) {
  const email = `${label}.${randomBytes(4).toString('hex')}@e2e.example`;
  const res = await fetch(new URL('/api/v1/auth/register', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: `E2E ${label}`, name: `Admin ${label}`, email, password: E2E_PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`register ${email}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { email, password: E2E_PASSWORD, token: body.access_token, user: body.user };
}

/** Calls the API with a bearer credential (a JWT or an API token); answers { status, body }. */
export async function api(baseUrl, bearer, method, path, body) {
  const res = await fetch(new URL(`/api/v1${path}`, baseUrl), {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
