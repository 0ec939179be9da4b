import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { AuthUser } from '../common/auth-user';
import { CreateStepDto, UpdateStepDto } from './dto/step.dto';
import { LibraryStep } from './library-step.entity';

@Injectable()
export class StepsService {
  constructor(@InjectRepository(LibraryStep) private readonly steps: Repository<LibraryStep>) {}

  create(caller: AuthUser, dto: CreateStepDto): Promise<LibraryStep> {
    return this.steps.save(
      this.steps.create({
        accountId: caller.accountId,
        title: dto.title,
        instructions: dto.instructions ?? '',
        createdBy: caller.id,
      }),
    );
  }

  list(caller: AuthUser, search?: string): Promise<LibraryStep[]> {
    const query = this.steps
      .createQueryBuilder('step')
      .where('step.accountId = :accountId', { accountId: caller.accountId })
      .orderBy('step.title', 'ASC');
    if (search?.trim()) {
      query.andWhere("(step.title ILIKE :pattern ESCAPE '\\' OR step.instructions ILIKE :pattern ESCAPE '\\')", {
        pattern: `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return query.getMany();
  }

  async get(caller: AuthUser, id: string): Promise<LibraryStep> {
    const step = await this.steps.findOneBy({ id, accountId: caller.accountId });
    if (!step) throw new NotFoundException('Step not found');
    return step;
  }

  async update(caller: AuthUser, id: string, dto: UpdateStepDto): Promise<LibraryStep> {
    const step = await this.get(caller, id);
    if (dto.title !== undefined) step.title = dto.title;
    if (dto.instructions !== undefined) step.instructions = dto.instructions;
    return this.steps.save(step);
  }

  /** Refused while a live flow (draft or published) uses the step, naming those flows. */
  async remove(caller: AuthUser, id: string): Promise<void> {
    const step = await this.get(caller, id);
    const users: { name: string }[] = await this.steps.query(
      `SELECT DISTINCT t.name
         FROM tree_nodes n JOIN trees t ON t.id = n.tree_id AND t.account_id = n.account_id
        WHERE n.account_id = $1 AND n.step_id = $2 AND n.removed_at IS NULL AND t.status <> 'archived'
        ORDER BY t.name`,
      [caller.accountId, step.id],
    );
    if (users.length) {
      throw new ConflictException(
        `The step is used by: ${users.map((t) => t.name).join(', ')}. Remove it from those flows first.`,
      );
    }
    await this.steps.delete({ id: step.id, accountId: caller.accountId });
  }
}
