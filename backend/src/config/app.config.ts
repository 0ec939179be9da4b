import { registerAs } from '@nestjs/config';

import { loadConfig } from './app-config';

/** The `app` namespace of @nestjs/config: read and validated once when the module boots. */
export const appConfig = registerAs('app', () => loadConfig(process.env));
