// Preloaded into the API by `npm run load` (node --import): appends the process's own memory
// figures once a second to RF_MEMORY_PROBE_FILE, so the curve can tell the JavaScript heap
// (a leak in our code) from memory outside it (buffers, the allocator, V8's reserve).
import { appendFileSync } from 'node:fs';

const file = process.env.RF_MEMORY_PROBE_FILE;
if (file) {
  setInterval(() => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers })}\n`);
  }, 1000).unref();
}
