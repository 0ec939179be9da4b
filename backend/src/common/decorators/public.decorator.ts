import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

import { PUBLIC_ROUTE, SCOPE_EXTENSION } from './required-scope.decorator';

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no bearer token (login, register, health); the spec says so too. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(SCOPE_EXTENSION, PUBLIC_ROUTE));
