import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths the API, Swagger and the health probes answer: never served from the app's files. */
const API_PATH = /^\/api(\/|$)/;

/** The built app's files as URL paths (/main-ABC.js, /assets/logo.svg), found once at start. */
function appFiles(dir: string): Set<string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const paths = files.map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
  return new Set(paths.filter((path) => !API_PATH.test(path)));
}

/**
 * The built Angular app: its files (cached for an hour), and index.html (never cached) for any
 * other GET, so the app's own routes survive a deep link or a reload. The file list is read once
 * at start, so no request looks anything up on disk; API paths go on to the API's 404.
 */
export async function serveFrontend(fastify: FastifyInstance, dir: string): Promise<void> {
  const files = appFiles(dir);
  // serve: false — only reply.sendFile; the one route below decides what is served.
  await fastify.register(fastifyStatic, { root: dir, serve: false, index: false });
  // The wildcard is the decoded path without its query (a malformed one Fastify answers 400).
  fastify.get<{ Params: { '*': string } }>('/*', (request, reply) => {
    const path = `/${request.params['*']}`;
    if (API_PATH.test(path)) return reply.callNotFound();
    if (files.has(path)) return reply.sendFile(path.slice(1), { maxAge: '1h' });
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
