import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { QueryRunnerAlreadyReleasedError } from 'typeorm';

import { AllExceptionsFilter } from './all-exceptions.filter';

/** Runs the filter on one exception and returns the status and body it sent. */
function answerTo(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    raw: { headersSent: false },
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  beforeAll(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('answers 503 when a transaction finds its connection already released (the database went away mid-request)', () => {
    const { status, body } = answerTo(new QueryRunnerAlreadyReleasedError());
    expect(status).toBe(503);
    expect(body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
  });

  it('answers 503 for a dropped connection and keeps an HttpException as it is', () => {
    expect(answerTo(new Error('Connection terminated unexpectedly')).status).toBe(503);
    expect(answerTo(new BadRequestException('nope'))).toMatchObject({ status: 400, body: { message: 'nope' } });
  });

  it('answers 500 without details for anything unexpected', () => {
    const { status, body } = answerTo(new Error('something odd'));
    expect(status).toBe(500);
    expect(body).toEqual({ statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' });
  });
});
