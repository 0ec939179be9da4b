import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { ADMIN_USER, ENGINEER_USER, expectCall, failWith } from '../../../../testing/admin-fixtures';
import { rememberSignedIn, settle } from '../../../../testing/fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import type { AccountUser } from '../admin-api-types';
import { UsersPageComponent } from './users-page.component';

const LAST_ADMIN_MESSAGE = 'The account needs at least one active team_admin; promote someone else first';

describe('UsersPageComponent', () => {
  let fixture: ComponentFixture<UsersPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    rememberSignedIn(ADMIN_USER);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPageComponent);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function loadUsers(users: AccountUser[]): Promise<void> {
    expectCall(http, 'GET', '/api/v1/users').flush(users);
    await settle(fixture);
  }

  function row(email: string): HTMLTableRowElement {
    return page().querySelector<HTMLTableRowElement>(`tr[data-user="${email}"]`)!;
  }

  function button(label: string, root: ParentNode = page()): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label || candidate.getAttribute('aria-label') === label,
    );
    if (!found) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  }

  function dialog(): HTMLElement | null {
    return page().querySelector('[role="dialog"]');
  }

  function type(selector: string, value: string): void {
    const input = page().querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function click(target: HTMLElement): Promise<void> {
    target.click();
    await settle(fixture);
  }

  async function fillNewUser(values: { name: string; email: string; password: string; role?: string }): Promise<void> {
    await click(button('Add user'));
    type('#new-user-name', values.name);
    type('#new-user-email', values.email);
    type('#new-user-password', values.password);
    if (values.role) {
      type('#new-user-role', values.role);
    }
    await click(button('Add user', dialog()!));
  }

  it('lists the people of the account with e-mail, role and status', async () => {
    await loadUsers([ADMIN_USER, { ...ENGINEER_USER, is_active: false }]);

    expect(row('admin@northwind.example').textContent).toContain('Ada Admin');
    expect(row('admin@northwind.example').textContent).toContain('(you)');
    expect(row('admin@northwind.example').querySelector('select')!.value).toBe('team_admin');
    expect(row('admin@northwind.example').textContent).toContain('Active');
    expect(row('erin@northwind.example').querySelector('select')!.value).toBe('engineer');
    expect(row('erin@northwind.example').textContent).toContain('Deactivated');
    expect(button('Reactivate Erin Engineer')).toBeTruthy();
  });

  it('creates a user and shows them in the list', async () => {
    await loadUsers([ADMIN_USER]);

    await fillNewUser({
      name: 'Grace Hopper',
      email: 'grace@northwind.example',
      password: 'cobol1959',
      role: 'team_admin',
    });

    const request = expectCall(http, 'POST', '/api/v1/users');
    expect(request.request.body).toEqual({
      name: 'Grace Hopper',
      email: 'grace@northwind.example',
      password: 'cobol1959',
      role: 'team_admin',
    });
    request.flush({
      ...ENGINEER_USER,
      id: 'user-grace',
      name: 'Grace Hopper',
      email: 'grace@northwind.example',
      role: 'team_admin',
    });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(row('grace@northwind.example').textContent).toContain('Grace Hopper');
    expect(page().textContent).toContain('Grace Hopper can now sign in as grace@northwind.example.');
  });

  it('checks the form before sending it: a short password never leaves the browser', async () => {
    await loadUsers([ADMIN_USER]);

    await fillNewUser({ name: 'Grace', email: 'not-an-email', password: 'short' });

    expect(dialog()!.textContent).toContain('Enter a valid e-mail address.');
    expect(dialog()!.textContent).toContain('The initial password needs at least 8 characters.');
    http.expectNone('/api/v1/users');
  });

  it('shows a taken e-mail under the e-mail field and keeps the dialog open', async () => {
    await loadUsers([ADMIN_USER]);
    await fillNewUser({ name: 'Erin Again', email: 'erin@northwind.example', password: 'longenough' });

    failWith(expectCall(http, 'POST', '/api/v1/users'), 409, 'An account with this e-mail already exists');
    await settle(fixture);

    const email = dialog()!.querySelector('#new-user-email')!;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(dialog()!.querySelector('#new-user-email-error')!.textContent).toBe(
      'An account with this e-mail already exists. Use another address.',
    );
  });

  it('puts the server’s field messages (422) under their fields', async () => {
    await loadUsers([ADMIN_USER]);
    await fillNewUser({ name: 'Grace', email: 'grace@northwind.example', password: 'longenough' });

    failWith(expectCall(http, 'POST', '/api/v1/users'), 422, [
      'email must be a valid e-mail address',
      'something else broke',
    ]);
    await settle(fixture);

    expect(dialog()!.querySelector('#new-user-email-error')!.textContent).toBe('Email must be a valid e-mail address.');
    expect(dialog()!.querySelector('rf-notice')!.textContent).toContain('something else broke');
  });

  it('deactivates a user after confirmation', async () => {
    await loadUsers([ADMIN_USER, ENGINEER_USER]);

    await click(button('Deactivate Erin Engineer'));
    expect(dialog()!.textContent).toContain('Deactivate Erin Engineer?');
    await click(button('Deactivate', dialog()!));

    const request = expectCall(http, 'PATCH', '/api/v1/users/user-erin');
    expect(request.request.body).toEqual({ is_active: false });
    request.flush({ ...ENGINEER_USER, is_active: false });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(row('erin@northwind.example').textContent).toContain('Deactivated');
    expect(button('Reactivate Erin Engineer')).toBeTruthy();
    expect(page().textContent).toContain('Erin Engineer is deactivated and can no longer sign in.');
  });

  it('explains the last-admin rule when demoting the only admin, and keeps their role', async () => {
    await loadUsers([ADMIN_USER, ENGINEER_USER]);

    const select = row('admin@northwind.example').querySelector('select')!;
    select.value = 'engineer';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);

    const request = expectCall(http, 'PATCH', '/api/v1/users/user-admin');
    expect(request.request.body).toEqual({ role: 'engineer' });
    failWith(request, 409, LAST_ADMIN_MESSAGE);
    await settle(fixture);

    expect(page().querySelector('.row-error [role="alert"]')!.textContent).toBe(LAST_ADMIN_MESSAGE);
    expect(row('admin@northwind.example').querySelector('select')!.value).toBe('team_admin');
  });

  it('explains the last-admin rule in the deactivation dialog', async () => {
    await loadUsers([ADMIN_USER]);

    await click(button('Deactivate Ada Admin'));
    expect(dialog()!.textContent).toContain('This is you');
    await click(button('Deactivate', dialog()!));
    failWith(expectCall(http, 'PATCH', '/api/v1/users/user-admin'), 409, LAST_ADMIN_MESSAGE);
    await settle(fixture);

    expect(dialog()!.querySelector('rf-notice')!.textContent).toContain(LAST_ADMIN_MESSAGE);
    expect(row('admin@northwind.example').textContent).toContain('Active');
  });
});
