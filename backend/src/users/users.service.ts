import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';

import { PasswordService } from '../auth/password.service';
import { AuthUser } from '../common/auth-user';
import { isUuid } from '../common/pipes/uuid-param.pipe';
import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { normalizeEmail } from './email';
import { User, UserRole } from './user.entity';

@Injectable()
export class UsersService {
  /** Concurrent requests' callers, read in one statement. */
  private readonly callers = new WriteCoalescer<{ userId: string; accountId: string }, AuthUser | undefined>(
    async (calls, accountId) => {
      const columns: Record<string, InputColumn<{ userId: string }>> = { id: ['uuid', (c) => c.userId] };
      const rows = await runCoalescedStatement<{ userId: string }, AuthUser & { idx: number }>(
        this.dataSource,
        'rf_callers',
        { calls, accountId, columns },
        (input, account) =>
          `SELECT i.idx, u.id, u.account_id AS "accountId", u.email, u.name, u.role
             FROM (${input}) i JOIN users u ON u.account_id = ${account} AND u.id = i.id AND u.is_active`,
      );
      return rows.map(
        (row) => row && { id: row.id, accountId: row.accountId, email: row.email, name: row.name, role: row.role },
      );
    },
    { tenant: (key) => key.accountId },
  );

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  /**
   * The caller of every authenticated request, read fresh each time so deactivation and role
   * changes apply at once.
   */
  async findActiveForToken(userId: string, accountId: string): Promise<AuthUser | null> {
    if (!isUuid(userId) || !isUuid(accountId)) return null;
    return (await this.callers.run({ userId, accountId })) ?? null;
  }

  /** For login only: the one read that selects password_hash, through the login directory. */
  findByEmailWithHash(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .innerJoin('user_logins', 'login', 'login.account_id = user.account_id AND login.user_id = user.id')
      .where('login.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  async emailTaken(email: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM user_logins WHERE email = $1', [normalizeEmail(email)]);
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    values: { accountId: string; email: string; name: string; password: string; role: UserRole },
  ): Promise<User> {
    if (await this.emailTaken(values.email, manager)) throw emailConflict();
    const user = manager.getRepository(User).create({
      accountId: values.accountId,
      email: normalizeEmail(values.email),
      name: values.name,
      role: values.role,
      passwordHash: await this.passwords.hash(values.password),
    });
    // A concurrent insert of the same e-mail trips user_logins' key (its trigger): the filter turns it into 409.
    return manager.getRepository(User).save(user);
  }

  create(caller: AuthUser, dto: CreateUserDto): Promise<User> {
    return this.insert(this.dataSource.manager, { ...dto, accountId: caller.accountId });
  }

  list(caller: AuthUser): Promise<User[]> {
    return this.users.find({ where: { accountId: caller.accountId }, order: { name: 'ASC', createdAt: 'ASC' } });
  }

  async get(caller: AuthUser, id: string): Promise<User> {
    const user = await this.users.findOneBy({ id, accountId: caller.accountId });
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  /**
   * Updates name, role or status. The account must keep at least one active team_admin;
   * the check and the write share a transaction that locks the account's admins, so two
   * admins demoting each other at once cannot both succeed.
   */
  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOneBy({ id, accountId: caller.accountId });
      if (!user) throw new NotFoundException('User not found');
      if (user.role === 'super_admin' && caller.role !== 'super_admin') {
        throw new NotFoundException('User not found');
      }

      const losesAdmin =
        user.role === 'team_admin' &&
        user.isActive &&
        ((dto.role && dto.role !== 'team_admin') || dto.is_active === false);
      if (losesAdmin) {
        const admins = await repo
          .createQueryBuilder('user')
          .setLock('pessimistic_write')
          .where('user.accountId = :accountId AND user.role = :role AND user.isActive', {
            accountId: caller.accountId,
            role: 'team_admin',
          })
          .getMany();
        if (admins.length <= 1) {
          throw new ConflictException('The account needs at least one active team_admin; promote someone else first');
        }
      }

      if (dto.name !== undefined) user.name = dto.name;
      if (dto.role !== undefined && user.role !== 'super_admin') user.role = dto.role;
      if (dto.is_active !== undefined) user.isActive = dto.is_active;
      return repo.save(user);
    });
  }
}

export const emailConflict = () => new ConflictException('An account with this e-mail already exists');
