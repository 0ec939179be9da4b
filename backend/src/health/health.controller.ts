import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Public } from '../common/decorators/public.decorator';

export class HealthDto {
  @ApiProperty({ example: 'ok', enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ example: 'up', enum: ['up', 'down'] }) database: 'up' | 'down';
}

export class ReadinessDto extends HealthDto {
  @ApiProperty({ example: 'applied', enum: ['applied', 'pending', 'unknown'] }) migrations:
    'applied' | 'pending' | 'unknown';
}

/** A health probe must answer fast even when the database hangs. */
const PROBE_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async health(): Promise<HealthDto> {
    const up = await withTimeout(this.dataSource.query('SELECT 1')).then(
      () => true,
      () => false,
    );
    if (!up)
      throw new ServiceUnavailableException({
        status: 'error',
        database: 'down',
        message: 'The database is unreachable',
      });
    return { status: 'ok', database: 'up' };
  }

  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable or migrations are pending' })
  async ready(): Promise<ReadinessDto> {
    const pending = await withTimeout(this.dataSource.showMigrations()).catch(() => undefined);
    if (pending === undefined) {
      throw new ServiceUnavailableException({
        status: 'error',
        database: 'down',
        migrations: 'unknown',
        message: 'The database is unreachable',
      });
    }
    if (pending) {
      throw new ServiceUnavailableException({
        status: 'error',
        database: 'up',
        migrations: 'pending',
        message: 'Migrations are pending',
      });
    }
    return { status: 'ok', database: 'up', migrations: 'applied' };
  }
}
