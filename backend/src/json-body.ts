import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PROTOTYPE_KEY_MESSAGE = 'JSON keys __proto__, constructor and prototype are not allowed';
const NOT_AN_OBJECT = 'The request body must be a JSON object';
/** Deeper than any body the API takes (a flow is 4 levels), shallow enough for every recursive reader after the parser. */
export const MAX_JSON_DEPTH = 32;
const TOO_DEEP = `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`;

/**
 * Does JSON text nest objects and arrays deeper than `limit`? One pass over the characters,
 * skipping strings, before JSON.parse: class-transformer and class-validator recurse over the
 * parsed body and overflowed the stack at ~1,500 levels (a 500 and a stack trace per request).
 */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Prototype-pollution payloads are refused while parsing, before any code sees the object. */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(PROTOTYPE_KEY_MESSAGE);
  return value;
}

/**
 * JSON is the only body the API reads (another type is answered 415, one over the size limit 413,
 * common/filters/refused-body-message.ts); malformed JSON, or JSON that is not an object, is the
 * client's 400 in the API's error shape. An empty body is no body.
 */
export function installJsonBody(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    if (nestedDeeperThan(body as string, MAX_JSON_DEPTH)) return done(new BadRequestException(TOO_DEEP), undefined);
    try {
      const parsed: unknown = JSON.parse(body as string, refusePrototypeKeys);
      // Every body the API takes is an object (Express's strict parser refused the rest as well).
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return done(new BadRequestException(NOT_AN_OBJECT), undefined);
      done(null, parsed);
    } catch (error) {
      const message =
        error instanceof Error && error.message === PROTOTYPE_KEY_MESSAGE
          ? PROTOTYPE_KEY_MESSAGE
          : 'Malformed JSON in request body';
      done(new BadRequestException(message), undefined);
    }
  });
}
