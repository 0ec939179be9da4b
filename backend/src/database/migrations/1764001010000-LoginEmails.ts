import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail addresses in one normalised form, and their uniqueness moved to a directory of logins.
 *
 * 1. users.email is rewritten to its normalised form (NFKC, lower-cased: users/email.ts, copied
 *    below as it is today so this migration never changes meaning). Before, the API lower-cased
 *    with JavaScript and the database compared with PostgreSQL's lower(): an address spelled
 *    with a character the two fold differently was a second key for the same user (issue 20).
 *    Two users whose addresses become equal: the first created keeps it; each later one keeps
 *    its address as it was with "#<user id>" appended — not an address anyone can type, so it
 *    cannot log in until an operator fixes it, and nothing of it is lost.
 * 2. The global unique index on lower(email) becomes user_logins (email → account, user): the
 *    one table keyed across accounts (a Citus reference table, docs/scaling.md), so users keeps
 *    only tenant keys. A trigger on users keeps it, in the same transaction as every write of
 *    users (API, seed, SQL), and its primary key keeps addresses unique.
 */
const normalizeEmail = (email: string) => email.normalize('NFKC').toLowerCase().normalize('NFKC').trim();

export class LoginEmails1764001010000 implements MigrationInterface {
  name = 'LoginEmails1764001010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    const users: { account_id: string; id: string; email: string }[] = await queryRunner.query(
      `SELECT account_id, id, email FROM users ORDER BY created_at, id`,
    );
    const taken = new Set<string>();
    const changed: { account_id: string; id: string; email: string }[] = [];
    for (const user of users) {
      let email = normalizeEmail(user.email);
      if (taken.has(email)) email = `${user.email}#${user.id}`;
      taken.add(email);
      if (email !== user.email) changed.push({ ...user, email });
    }
    if (changed.length) {
      await queryRunner.query(
        `UPDATE users u SET email = c.email
           FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS c(account_id, id, email)
          WHERE u.account_id = c.account_id AND u.id = c.id`,
        [changed.map((c) => c.account_id), changed.map((c) => c.id), changed.map((c) => c.email)],
      );
    }

    await queryRunner.query(`
      CREATE TABLE user_logins (
        email text PRIMARY KEY,
        account_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT user_logins_user_key UNIQUE (account_id, user_id),
        CONSTRAINT user_logins_user_fkey FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
          ON DELETE CASCADE ON UPDATE CASCADE
      )`);
    await queryRunner.query(
      `INSERT INTO user_logins (email, account_id, user_id) SELECT email, account_id, id FROM users`,
    );
    await queryRunner.query(`
      CREATE FUNCTION user_logins_follow_users() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO user_logins (email, account_id, user_id) VALUES (NEW.email, NEW.account_id, NEW.id);
        ELSE
          UPDATE user_logins SET email = NEW.email WHERE account_id = NEW.account_id AND user_id = NEW.id;
        END IF;
        RETURN NULL;
      END $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER users_login_ins AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION user_logins_follow_users()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_login_upd AFTER UPDATE OF email ON users FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION user_logins_follow_users()`,
    );
    await queryRunner.query(`DROP INDEX users_email_lower_key`);
  }

  /** The addresses stay normalised (the old code lower-cased them too). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    await queryRunner.query(`DROP TRIGGER users_login_upd ON users`);
    await queryRunner.query(`DROP TRIGGER users_login_ins ON users`);
    await queryRunner.query(`DROP FUNCTION user_logins_follow_users()`);
    await queryRunner.query(`DROP TABLE user_logins`);
  }
}
