import pino, { DestinationStream, Logger } from 'pino';

import { LogLevel } from '../config/app-config';

/**
 * The process's one pino logger: JSON lines on stdout, or one readable line per entry when a
 * person reads a terminal. Credentials never reach the log, whichever object carries them.
 */
export function createRootLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        ...['password', 'password_hash', 'access_token'].flatMap((key) => [key, `*.${key}`]),
      ],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
  };
  if (destination) return pino(options, destination);
  const pretty = process.stdout.isTTY
    ? { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } }
    : undefined;
  return pino({ ...options, transport: pretty });
}
