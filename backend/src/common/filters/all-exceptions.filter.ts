import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

import { refusedBodyMessage } from './refused-body-message';

interface PgError {
  code?: string;
  constraint?: string;
}

/** PostgreSQL error codes a client can provoke, and what they mean on the wire. */
const PG_STATUS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with these values already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'The record is referenced by or refers to another record' },
  '23502': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A required value is missing' },
  '23514': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A value is out of its allowed range' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  // Dates, time zones and intervals PostgreSQL cannot hold (a tampered cursor's sort key, say).
  '22007': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A date or time has the wrong format' },
  '22008': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A date or time is out of range' },
  '22009': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A time zone offset is out of range' },
  '22015': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A duration is out of range' },
  '22003': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A number is out of range' },
  '22021': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'Text must not contain NUL characters' },
  '22001': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A value is too long' },
  '40001': { status: HttpStatus.CONFLICT, message: 'A concurrent change conflicted with this one; retry' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'A concurrent change conflicted with this one; retry' },
};

/** Connection-level failures: the database is away, so the API is unavailable, not broken. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003']);

const DATABASE_GONE =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|not currently accepting connections|shutting down|starting up|terminating connection|ECONNREFUSED|ECONNRESET|EPIPE|Query read timeout|Connection ended|Client was closed/i;

/**
 * Every error leaves as {statusCode, message, error} without a stack trace.
 * Unique-constraint races become 409s; an unreachable database becomes 503.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, message, extra } = this.describe(exception);
    // Unexpected failures get a stack trace; an unavailable database is an operational state, not a bug.
    if (status === HttpStatus.SERVICE_UNAVAILABLE)
      this.logger.warn(`503: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (reply.raw.headersSent) return;
    void reply.status(status).send({ ...extra, statusCode: status, message, error: errorName(status) });
  }

  private describe(exception: unknown): {
    status: number;
    message: string | string[];
    extra?: Record<string, unknown>;
  } {
    if (exception instanceof HttpException) {
      const refused = refusedBodyMessage(exception.getStatus());
      if (refused) return { status: exception.getStatus(), message: refused };
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'message' in body) {
        // Extra keys a handler chose to send (e.g. health's status and database) stay in the body.
        const { message, statusCode: _statusCode, error: _error, ...extra } = body as Record<string, unknown>;
        return { status: exception.getStatus(), message: message as string | string[], extra };
      }
      return { status: exception.getStatus(), message: exception.message };
    }
    const code = (exception as PgError & { code?: string })?.code;
    // Through TypeORM, or straight from the driver (the analytics reads' statement batches).
    const databaseError =
      exception instanceof QueryFailedError
        ? (exception.driverError as PgError)
        : exception instanceof DatabaseError
          ? exception
          : undefined;
    const known = databaseError?.code ? PG_STATUS[databaseError.code] : undefined;
    if (known) return known;
    if (code && UNAVAILABLE.has(code)) {
      return { status: HttpStatus.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly' };
    }
    // TypeORM releases a transaction's query runner when its connection fails; the commit or
    // rollback that follows then throws this instead of the connection error.
    if (exception instanceof QueryRunnerAlreadyReleasedError) {
      return { status: HttpStatus.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly' };
    }
    if (exception instanceof Error && DATABASE_GONE.test(exception.message)) {
      return { status: HttpStatus.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly' };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}

export function errorName(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return names[status] ?? HttpStatus[status]?.toString() ?? 'Error';
}
