import { Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';

import { appConfig } from '../config/app.config';
import { AppLogger } from './app-logger';
import { createRootLogger } from './root-logger';

/** The root pino logger, injected where a request's lines are written (configureApp's middleware). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Structured JSON logs (pino): one line per request with its id, and the same id on every line
 * logged while handling it (`request-logging.ts`, installed by configureApp). Nest's own logger
 * writes through the same root logger (`AppLogger`, installed by main.ts).
 */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => createRootLogger(config.logLevel),
    },
    {
      provide: AppLogger,
      inject: [ROOT_LOGGER],
      useFactory: (root: ConstructorParameters<typeof AppLogger>[0]) => new AppLogger(root),
    },
  ],
  exports: [ROOT_LOGGER, AppLogger],
})
export class LoggingModule {}
