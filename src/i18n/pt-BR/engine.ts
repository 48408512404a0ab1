import type en from '../en/engine.ts';
import type { Localised } from '../localised.ts';

/** "Engine" é "motor" (de treino) em toda a página. */
const engine: Localised<typeof en> = {
  starting: 'escolhendo o motor mais rápido…',
  names: {
    simd_one: 'WebAssembly SIMD, {{count}} thread',
    simd_many: 'WebAssembly SIMD, {{count}} threads',
    simd_other: 'WebAssembly SIMD, {{count}} threads',
    simdComparison: '{{name}} ({{threads}} numa comparação)',
    webgl: 'WebGL',
    webglGpu: 'WebGL (GPU)',
    webglSoftware: 'WebGL (renderizador por software)',
    webglSoftwareNamed: 'WebGL (renderizador por software: {{renderer}})',
    wasm: 'wasm (WebAssembly, CPU)',
    wasmThreads_one: 'wasm (WebAssembly, CPU, {{count}} thread)',
    wasmThreads_many: 'wasm (WebAssembly, CPU, {{count}} threads)',
    wasmThreads_other: 'wasm (WebAssembly, CPU, {{count}} threads)',
    cpu: 'cpu (JavaScript puro)',
  },
  short: { simd: 'WebAssembly SIMD', webgl: 'WebGL', wasm: 'tfjs wasm', cpu: 'tfjs cpu' },
  times: '{{ratio}}×',
  fasterThan: '{{times}} mais rápido que {{engine}}',
  fasterThanThreads_one: '{{times}} mais rápido que com {{count}} thread',
  fasterThanThreads_many: '{{times}} mais rápido que com {{count}} threads',
  fasterThanThreads_other: '{{times}} mais rápido que com {{count}} threads',
  reason: {
    measured: '{{compared}} aqui',
    only: 'o único motor que rodou no teste inicial',
    default: 'o tfjs escolheu o primeiro backend que funcionou',
    forced: 'escolhido no endereço da página (?backend={{id}})',
    forcedUnavailable: 'o endereço da página pediu {{engine}} (?backend={{id}}), mas {{why}}',
  },
  software: {
    timed: 'o WebGL roda num renderizador por software, que calcula na CPU',
    timedNamed: 'o WebGL roda num renderizador por software ({{renderer}}), que calcula na CPU',
    notTimed: 'o WebGL roda num renderizador por software, que calcula na CPU, e não foi cronometrado',
    notTimedNamed: 'o WebGL roda num renderizador por software ({{renderer}}), que calcula na CPU, e não foi cronometrado',
  },
  unavailable: {
    'no-simd': '{{engine}} não está disponível neste navegador',
    failed: '{{engine}} não iniciou',
    'failed-earlier': '{{engine}} falhou antes nesta sessão',
  },
  probe: 'Teste inicial {{seconds}} s · ms por lote de {{batch}}: {{timings}}',
  probeTiming: '{{engine}} {{ms}}',
  probeTimingThreads_one: '{{engine}} ({{count}} thread) {{ms}}',
  probeTimingThreads_many: '{{engine}} ({{count}} threads) {{ms}}',
  probeTimingThreads_other: '{{engine}} ({{count}} threads) {{ms}}',
  relaxed: 'o motor SIMD usa a multiplicação-adição fundida (FMA) do relaxed SIMD',
  fallback: 'Este treino roda em {{engine}}: {{why}}.',
  fallbackWhy: {
    memory: 'o motor WebAssembly SIMD não comporta esta rede na memória dele',
    failed: 'não foi possível iniciar o motor WebAssembly SIMD para ela',
  },
};
export default engine;
