import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { expectCall, failWith } from '../../../testing/admin-fixtures';
import { ENGINEER, rememberSignedIn, settle, TEAM_ADMIN } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { User } from '../../core/api-types';
import { ApiTokensPageComponent } from './api-tokens-page.component';
import type { ApiToken, CreatedApiToken } from './token-types';

const SECRET = 'rf_pat_AbCdEf0123456789ghijklmnopqrstuvWXyZ12';

const CRM_TOKEN: ApiToken = {
  id: 'token-crm',
  name: 'CRM sync',
  scopes: ['sessions:read', 'analytics:read'],
  token_prefix: 'rf_pat_Xy12Ab',
  expires_at: '2099-02-01T10:00:00.000Z',
  created_at: '2026-11-01T10:00:00.000Z',
  last_used_at: null,
  user_id: ENGINEER.id,
  owner: { id: ENGINEER.id, name: ENGINEER.name, email: ENGINEER.email },
};

const OLD_TOKEN: ApiToken = {
  ...CRM_TOKEN,
  id: 'token-old',
  name: 'Old bot',
  token_prefix: 'rf_pat_Old999',
  expires_at: '2020-01-01T00:00:00.000Z',
  last_used_at: '2019-12-24T18:30:00.000Z',
};

const ADMINS_TOKEN: ApiToken = {
  ...CRM_TOKEN,
  id: 'token-admin',
  name: 'BI export',
  user_id: TEAM_ADMIN.id,
  owner: { id: TEAM_ADMIN.id, name: TEAM_ADMIN.name, email: 'ada@northwind.example' },
};

describe('ApiTokensPageComponent', () => {
  let fixture: ComponentFixture<ApiTokensPageComponent>;
  let http: HttpTestingController;
  let clipboard: jest.Mock;

  async function render(user: User): Promise<void> {
    localStorage.clear();
    rememberSignedIn(user);
    clipboard = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: clipboard }, configurable: true });
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiTokensPageComponent);
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const dialog = (): HTMLElement | null => page().querySelector('[role="dialog"]');
  const row = (name: string, root: ParentNode = page()) =>
    root.querySelector<HTMLTableRowElement>(`tr[data-token="${name}"]`);

  function button(label: string, root: ParentNode = page()): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label || candidate.getAttribute('aria-label') === label,
    );
    if (!found) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  }

  async function click(target: HTMLElement): Promise<void> {
    target.click();
    await settle(fixture);
  }

  function listMine(tokens: ApiToken[]): void {
    expectCall(http, 'GET', '/api/v1/tokens').flush(tokens);
  }

  it('lists the engineer’s tokens with prefix, scopes, expiry and last use, and asks for nobody else’s', async () => {
    await render(ENGINEER);
    listMine([CRM_TOKEN, OLD_TOKEN]);
    await settle(fixture);

    const crm = row('CRM sync')!;
    expect(crm.textContent).toContain('rf_pat_Xy12Ab…');
    expect(crm.textContent).toContain('sessions:read');
    expect(crm.textContent).toContain('analytics:read');
    expect(crm.textContent).toContain('Feb 1, 2099');
    expect(crm.textContent).toContain('Never');
    expect(row('Old bot')!.textContent).toContain('Expired');
    expect(row('Old bot')!.textContent).toContain('Dec 24, 2019');
    expect(page().textContent).not.toContain('All tokens of the account');
    http.expectNone((request) => request.params.get('all') === 'true');
  });

  it('creates a token and shows its secret once, with a copy button and a warning', async () => {
    await render(ENGINEER);
    listMine([]);
    await settle(fixture);
    expect(page().textContent).toContain('You have no API tokens');

    await click(button('New token'));
    const name = dialog()!.querySelector<HTMLInputElement>('#token-name')!;
    name.value = 'ServiceNow';
    name.dispatchEvent(new Event('input'));
    for (const scope of ['sessions:write', 'sessions:read']) {
      dialog()!.querySelector<HTMLInputElement>(`input[data-scope="${scope}"]`)!.click();
    }
    const expiry = dialog()!.querySelector<HTMLSelectElement>('#token-expiry')!;
    expiry.selectedIndex = 1; // 30 days
    expiry.dispatchEvent(new Event('change'));
    await click(button('Create token', dialog()!));

    const request = expectCall(http, 'POST', '/api/v1/tokens');
    expect(request.request.body).toEqual({
      name: 'ServiceNow',
      scopes: ['sessions:read', 'sessions:write'],
      expires_in_days: 30,
    });
    const created: CreatedApiToken = {
      ...CRM_TOKEN,
      id: 'token-new',
      name: 'ServiceNow',
      scopes: ['sessions:read', 'sessions:write'],
      token: SECRET,
    };
    request.flush(created);
    await settle(fixture);

    expect(dialog()).toBeNull();
    const secret = page().querySelector<HTMLInputElement>('[data-testid="new-token-secret"]')!;
    expect(secret.value).toBe(SECRET);
    expect(page().textContent).toContain('This is the only time it is shown');
    await click(page().querySelector<HTMLButtonElement>('[data-testid="copy-token"]')!);
    expect(clipboard).toHaveBeenCalledWith(SECRET);
    expect(page().querySelector('[data-testid="copy-token"]')!.textContent).toContain('Copied');
    // The list has the new token, never its secret.
    expect(row('ServiceNow')).not.toBeNull();
    expect(page().querySelector('[data-testid="my-tokens"]')!.textContent).not.toContain(SECRET);

    await click(button('I have copied it'));
    expect(page().querySelector('[data-testid="new-token-secret"]')).toBeNull();
    expect(page().textContent).not.toContain(SECRET);
  });

  it('asks for a name and a scope before sending anything', async () => {
    await render(ENGINEER);
    listMine([]);
    await settle(fixture);

    await click(button('New token'));
    await click(button('Create token', dialog()!));

    expect(dialog()!.textContent).toContain('Name the token');
    expect(dialog()!.textContent).toContain('Choose at least one scope.');
    http.expectNone((request) => request.method === 'POST');
  });

  it('puts the server’s field messages (422) under their fields', async () => {
    await render(ENGINEER);
    listMine([]);
    await settle(fixture);

    await click(button('New token'));
    const name = dialog()!.querySelector<HTMLInputElement>('#token-name')!;
    name.value = 'Bot';
    name.dispatchEvent(new Event('input'));
    dialog()!.querySelector<HTMLInputElement>('input[data-scope="flows:read"]')!.click();
    await click(button('Create token', dialog()!));
    failWith(expectCall(http, 'POST', '/api/v1/tokens'), 422, ['scopes must each be one of: flows:read, …']);
    await settle(fixture);

    expect(dialog()!.querySelector('#token-scopes-error')!.textContent).toContain('Scopes must each be one of');
  });

  it('revokes a token after confirmation', async () => {
    await render(ENGINEER);
    listMine([CRM_TOKEN]);
    await settle(fixture);

    await click(button('Revoke CRM sync'));
    expect(dialog()!.textContent).toContain('Revoke “CRM sync”?');
    expect(dialog()!.textContent).toContain('rf_pat_Xy12Ab…');
    await click(button('Revoke', dialog()!));
    expectCall(http, 'DELETE', '/api/v1/tokens/token-crm').flush('', { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(row('CRM sync')).toBeNull();
    expect(page().textContent).toContain('“CRM sync” is revoked');
  });

  it('keeps the dialog open with the reason when revoking fails', async () => {
    await render(ENGINEER);
    listMine([CRM_TOKEN]);
    await settle(fixture);

    await click(button('Revoke CRM sync'));
    await click(button('Revoke', dialog()!));
    expectCall(http, 'DELETE', '/api/v1/tokens/token-crm').flush(
      JSON.stringify({ statusCode: 404, message: 'API token not found', error: 'Not Found' }),
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);

    expect(dialog()!.textContent).toContain('API token not found');
    expect(row('CRM sync')).not.toBeNull();
  });

  it('shows a team admin every token of the account with its owner, and lets them revoke any', async () => {
    await render(TEAM_ADMIN);
    const requests = http.match((request) => request.url === '/api/v1/tokens');
    expect(requests).toHaveLength(2);
    requests.find((request) => request.request.params.get('all') !== 'true')!.flush([ADMINS_TOKEN]);
    requests.find((request) => request.request.params.get('all') === 'true')!.flush([ADMINS_TOKEN, CRM_TOKEN]);
    await settle(fixture);

    const account = page().querySelector<HTMLElement>('[data-testid="account-tokens"]')!;
    expect(row('CRM sync', account)!.textContent).toContain('Erin Engineer');
    expect(row('BI export', account)!.textContent).toContain('(you)');
    expect(row('CRM sync', page().querySelector('[data-testid="my-tokens"]')!)).toBeNull();

    await click(button('Revoke CRM sync', account));
    expect(dialog()!.textContent).toContain('owned by Erin Engineer');
    await click(button('Revoke', dialog()!));
    expectCall(http, 'DELETE', '/api/v1/tokens/token-crm').flush('', { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(row('CRM sync', page().querySelector('[data-testid="account-tokens"]')!)).toBeNull();
  });
});
