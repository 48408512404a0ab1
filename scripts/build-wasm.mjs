/**
 * `npm run build:wasm`: compiles the SIMD training engine's AssemblyScript
 * (src/engine/wasm/assembly/*.as) into WebAssembly modules under
 * src/engine/wasm/build/ (git-ignored): mlp-relaxed.wasm, whose products use
 * relaxed SIMD's fused multiply-add, and mlp-simd.wasm, plain 128-bit SIMD,
 * for engines without relaxed SIMD; and each again with a shared, imported
 * memory (-shared), for one run's step on two threads. `npm run build` runs it before Vite
 * (which emits the two files as assets), and so does the unit tests' global
 * setup; it skips the compiler when the sources have not changed.
 *
 * The sources end in .as, not .ts: AssemblyScript's types (f32, v128) are not
 * TypeScript's, and the worker's TypeScript program takes in every .ts file
 * under src/engine. The compiler reads them under the .ts names it expects.
 *
 * Plain JavaScript rather than TypeScript run by tsx: tsx transforms the
 * compiler's 90 MB of JavaScript (binaryen) on every start, 30 s here, where
 * Node loads it in under two.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'src/engine/wasm/assembly');
const outDir = path.join(root, 'src/engine/wasm/build');
const stampFile = path.join(outDir, 'stamp.txt');

/**
 * A shared build imports its memory ('env.memory'), shared between threads, so
 * that a helper worker's instance computes on the same weights and batch
 * (engine/wasm/team.ts); its maximum is the engine's memory limit, 1 GiB
 * (SIMD_MEMORY_LIMIT in worker/engines.ts), reserved, not committed.
 */
const SHARED = ['--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '16384'];

/** The builds: their file names, the WebAssembly features each may use, and their memory's options. */
const VARIANTS = [
  { file: 'mlp-simd.wasm', features: ['simd'], options: [] },
  { file: 'mlp-relaxed.wasm', features: ['simd', 'relaxed-simd'], options: [] },
  { file: 'mlp-simd-shared.wasm', features: ['simd', 'threads'], options: SHARED },
  { file: 'mlp-relaxed-shared.wasm', features: ['simd', 'relaxed-simd', 'threads'], options: SHARED },
];

/** -O3 for speed; no runtime (the host owns every byte of memory); no assertions in kernels that index memory directly. */
const OPTIONS = ['--optimizeLevel', '3', '--shrinkLevel', '0', '--runtime', 'stub', '--noAssert'];

/** Builds every module unless the last build had the same sources, options and compiler. */
export async function buildWasm() {
  const sources = new Map(
    readdirSync(sourceDir)
      .filter((f) => f.endsWith('.as'))
      .sort()
      .map((f) => [f.replace(/\.as$/, '.ts'), readFileSync(path.join(sourceDir, f), 'utf8')]),
  );
  const stamp = createHash('sha256')
    .update(JSON.stringify([compilerVersion(), OPTIONS, VARIANTS, [...sources]]))
    .digest('hex');
  const built = VARIANTS.every((v) => existsSync(path.join(outDir, v.file)));
  if (built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  // Loaded only when there is something to build: it takes seconds.
  const { default: asc } = await import('assemblyscript/asc');
  mkdirSync(outDir, { recursive: true });
  for (const variant of VARIANTS) {
    const out = path.join(outDir, variant.file);
    /** @type {string[]} */
    const log = [];
    const stream = { write: (/** @type {string | Uint8Array} */ s) => log.push(String(s)) };
    const { error } = await asc.main(['index.ts', '--outFile', out, ...OPTIONS, ...variant.options, ...variant.features.flatMap((f) => ['--enable', f])], {
      stdout: stream,
      stderr: stream,
      // The compiler asks for files relative to its base directory; the .ts names map to the .as sources.
      // Nothing else is read: no asconfig.json, no library outside the compiler's own.
      readFile: (name) => sources.get(path.basename(name)) ?? null,
      writeFile: (name, contents) => writeFileSync(path.isAbsolute(name) ? name : path.resolve(name), contents),
      listFiles: () => [...sources.keys()],
    });
    if (error) throw new Error(`AssemblyScript could not build ${variant.file}: ${error.message}\n${log.join('')}`);
  }
  writeFileSync(stampFile, stamp);
}

/** The installed compiler's version, without loading it. */
function compilerVersion() {
  return createRequire(import.meta.url)('assemblyscript/package.json').version;
}

/** Vitest's global setup: the unit tests load the built modules from disk. */
export default buildWasm;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWasm();
}
