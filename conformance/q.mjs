import { runConformance } from './dist/index.js';
const target = process.argv[2];
await runConformance({ targets: [target] });
const orig = globalThis.setTimeout; const counts = new Map();
globalThis.setTimeout = function (fn, ms, ...a) { const k = String(ms) + ' ' + (new Error().stack.split('\n')[2] || '').trim().slice(0, 120); counts.set(k, (counts.get(k) ?? 0) + 1); return orig(fn, ms, ...a); };
const t = performance.now();
await runConformance({ targets: [target] });
console.log((performance.now() - t).toFixed(0));
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 12));
