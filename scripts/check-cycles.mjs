#!/usr/bin/env node
// Fails when the modules of src/ import each other in a cycle: `npm run cycles`.
//
// Written over the TypeScript compiler API rather than with madge or dpdm: TypeScript is already a dependency, and
// its own resolver maps `./x.js` specifiers to `x.ts` exactly as tsc does under NodeNext. Type-only imports count
// (`import type`, `export type ... from`): a layer may not import from a layer above it even for a type.
//
// KNOWN_CYCLE_EDGES lists the imports that close cycles which are still in the code. The check removes those edges,
// then fails on any cycle left, so a new cycle fails even among files that already sit in a known one. An entry whose
// import is gone, or no longer closes a cycle, fails too, so the list only shrinks.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Allow-list, `importer -> imported`, paths relative to src/, for an import that closes a cycle which cannot be cut
 * at once. Each entry says how the cycle is to be cut; remove the entry when it is. Empty: src/ has no cycle.
 */
const KNOWN_CYCLE_EDGES = [];

/** Every .ts file under src/ (the generated parser is JavaScript with a declaration and imports nothing of ours). */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const options = config?.options ?? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
const srcDir = join(root, 'src');
const files = sourceFiles(srcDir).sort();
const name = (path) => relative(srcDir, path).split('\\').join('/');

/** importer -> the src/ modules it imports (type-only and dynamic imports included). */
const graph = new Map();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = new Set();
  for (const { fileName } of importedFiles) {
    const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
    if (resolved && resolved.startsWith(srcDir) && !resolved.endsWith('.d.ts')) targets.add(name(resolved));
  }
  graph.set(name(file), [...targets].sort());
}

/** Strongly connected components with more than one module (or a module importing itself), by Tarjan's algorithm. */
function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One concrete loop through a component, for the message: a shortest path back to the first module. */
function loopThrough(component, edges) {
  const inside = new Set(component);
  const start = component[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u)) path.splice(1, 0, u);
        return [...path, start].join(' -> ');
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.join(', ');
}

let failed = false;
const allowed = new Set(KNOWN_CYCLE_EDGES.map((e) => e.join(' -> ')));
const allCycles = cycles(graph);
const componentOf = new Map(allCycles.flatMap((c, k) => c.map((m) => [m, k])));
for (const [from, to] of KNOWN_CYCLE_EDGES) {
  const closesCycle = graph.get(from)?.includes(to) && componentOf.has(from) && componentOf.get(from) === componentOf.get(to);
  if (!closesCycle) {
    console.error(`stale allow-list entry: ${from} -> ${to} no longer closes a cycle; remove it from scripts/check-cycles.mjs`);
    failed = true;
  }
}
const pruned = new Map([...graph].map(([from, targets]) => [from, targets.filter((to) => !allowed.has(`${from} -> ${to}`))]));
for (const component of cycles(pruned)) {
  console.error(`import cycle: ${loopThrough(component, pruned)}`);
  failed = true;
}
const edgeCount = [...graph.values()].reduce((n, t) => n + t.length, 0);
if (failed) process.exit(1);
console.log(`no new import cycle in src/: ${files.length} modules, ${edgeCount} imports` +
  (allowed.size ? `, ${allowed.size} known cycle-closing imports allowed (${allCycles.length} known cycles)` : ''));
