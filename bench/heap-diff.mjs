#!/usr/bin/env node
// What grew between heap snapshots: objects grouped by kind and constructor (or string, closure,
// array…), with their count and self size in each snapshot, largest growth first.
// Usage: node bench/heap-diff.mjs first.heapsnapshot … last.heapsnapshot [--top 30]
// (snapshots from `npm run load -- --duration 600 --heap-snapshots 4`)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' } },
});
if (positionals.length < 2) {
  console.error('usage: node bench/heap-diff.mjs first.heapsnapshot … last.heapsnapshot [--top 30]');
  process.exit(2);
}

/** Map of "type name" → { count, size } for one snapshot. */
function summarise(file) {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const groups = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]];
    // Strings are grouped together: their text is not a kind.
    const name =
      type === 'string' || type === 'concatenated string' || type === 'sliced string'
        ? ''
        : strings[nodes[i + nameAt]].slice(0, 60);
    const key = `${type} ${name}`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count++;
    group.size += nodes[i + sizeAt];
    groups.set(key, group);
  }
  return groups;
}

const summaries = positionals.map(summarise);
const first = summaries[0];
const last = summaries.at(-1);
const keys = new Set([...first.keys(), ...last.keys()]);
const rows = [...keys]
  .map((key) => ({ key, growth: (last.get(key)?.size ?? 0) - (first.get(key)?.size ?? 0) }))
  .sort((a, b) => b.growth - a.growth)
  .slice(0, Number(values.top));
const total = (summary) => [...summary.values()].reduce((sum, g) => sum + g.size, 0);
console.log(`heap: ${summaries.map((s) => `${(total(s) / 2 ** 20).toFixed(1)} MB`).join(' → ')}`);
console.log(`${'kind'.padEnd(70)} ${summaries.map((_, i) => `count/KB #${i + 1}`.padStart(18)).join('')}`);
for (const { key } of rows) {
  const cells = summaries.map((s) => {
    const g = s.get(key) ?? { count: 0, size: 0 };
    return `${g.count}/${Math.round(g.size / 1024)}`.padStart(18);
  });
  console.log(`${key.slice(0, 70).padEnd(70)} ${cells.join('')}`);
}
