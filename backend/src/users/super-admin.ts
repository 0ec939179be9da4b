import { DataSource } from 'typeorm';

import { PasswordService } from '../auth/password.service';
import { normalizeEmail } from './email';

export const MIN_SUPER_ADMIN_PASSWORD = 16;

/**
 * Creates a super_admin: operations and support staff who read any account (its team analytics,
 * naming the account) and change nothing (common/guards/roles.guard.ts). The only way one comes
 * to be — no API grants the role. It belongs to an account of its own, named `accountName`, so it
 * is no member of any customer's account.
 */
export async function createSuperAdmin(
  dataSource: DataSource,
  input: { email: string; name: string; password: string; accountName?: string },
): Promise<{ accountId: string; userId: string; email: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`Not an e-mail address: ${input.email}`);
  if (!input.name.trim()) throw new Error('A name is required');
  if (input.password.length < MIN_SUPER_ADMIN_PASSWORD)
    throw new Error(`The password needs at least ${MIN_SUPER_ADMIN_PASSWORD} characters`);
  const passwordHash = await new PasswordService().hash(input.password);
  return dataSource.transaction(async (manager) => {
    const [taken] = await manager.query('SELECT 1 FROM user_logins WHERE email = $1', [email]);
    if (taken) throw new Error(`${email} already belongs to a user`);
    const [account] = await manager.query(`INSERT INTO accounts (name) VALUES ($1) RETURNING id`, [
      input.accountName ?? 'Operations',
    ]);
    const [user] = await manager.query(
      `INSERT INTO users (account_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'super_admin') RETURNING id`,
      [account.id, email, input.name.trim(), passwordHash],
    );
    return { accountId: account.id, userId: user.id, email };
  });
}
