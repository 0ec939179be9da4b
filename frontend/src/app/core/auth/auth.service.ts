import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';

import { Api } from '../../api/api';
import { getMe, login } from '../../api/functions';
import type { Role, User } from '../api-types';

export const TOKEN_STORAGE_KEY = 'rf.access_token';
export const USER_STORAGE_KEY = 'rf.user';

/**
 * Who is signed in. The token lives in localStorage so a reload keeps the engineer signed in;
 * the user is cached beside it so the shell can render before /auth/me answers.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(Api);
  private readonly router = inject(Router);

  private readonly tokenState = signal<string | null>(null);
  private readonly userState = signal<User | null>(null);

  readonly token = this.tokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly role = computed<Role | null>(() => this.userState()?.role ?? null);
  readonly isAuthenticated = computed(() => this.tokenState() !== null && this.userState() !== null);

  constructor() {
    this.restore();
  }

  async login(email: string, password: string): Promise<User> {
    const response = await this.api.invoke(login, { body: { email, password } });
    this.store(response.access_token, response.user);
    return response.user;
  }

  /** Re-reads the profile so a changed name or role shows without signing in again. */
  async refreshUser(): Promise<void> {
    const token = this.tokenState();
    if (token === null) {
      return;
    }
    const user = await this.api.invoke(getMe);
    this.store(token, user);
  }

  hasRole(...roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  /** Forgets the session and goes to the login page, remembering where to come back to. */
  logout(returnUrl?: string): void {
    this.clear();
    const queryParams = returnUrl && returnUrl !== '/login' ? { returnUrl } : {};
    void this.router.navigate(['/login'], { queryParams });
  }

  private store(token: string, user: User): void {
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
    localStorage.setItem(USER_STORAGE_KEY, JSON.stringify(user));
    this.tokenState.set(token);
    this.userState.set(user);
  }

  private clear(): void {
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    localStorage.removeItem(USER_STORAGE_KEY);
    this.tokenState.set(null);
    this.userState.set(null);
  }

  private restore(): void {
    const token = localStorage.getItem(TOKEN_STORAGE_KEY);
    const user = parseUser(localStorage.getItem(USER_STORAGE_KEY));
    if (token === null || user === null || isExpired(token)) {
      this.clear();
      return;
    }
    this.tokenState.set(token);
    this.userState.set(user);
  }
}

function parseUser(json: string | null): User | null {
  if (json === null) {
    return null;
  }
  try {
    return JSON.parse(json) as User;
  } catch {
    return null;
  }
}

/** Reads the JWT's `exp` claim; a token we cannot read is left for the server to judge. */
function isExpired(token: string): boolean {
  const payload = token.split('.')[1];
  if (!payload) {
    return false;
  }
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}
