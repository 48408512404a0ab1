/**
 * The host answers every command in every state. Each cell of TABLE is one
 * test: a fresh host (engines without tfjs, a tiny data set) is brought to a
 * state and held there (its readbacks, evaluation chunks or data load wait on
 * a gate), one command is sent, and the answer the protocol documents must
 * follow. Then the gate opens and the worker must come free: a new run is
 * accepted and finishes. Nothing may hang and nothing may go unanswered.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mnist } from '../data/load.ts';
import { DataLoadError } from '../data/load.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { stepHyperOf } from '../shared/runSpec.ts';
import { PRESET } from '../shared/settings.ts';
import { FakeRaceEngine, Gate, tinyMnist } from '../test-support/fakeEngine.ts';
import type { HostDeps } from './host.ts';
import { attachHost } from './host.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { Command, Endpoint, WorkerEvent } from './protocol.ts';

/** 300 images: 50 held out, 250 trained on (4 batches of 64 an epoch); 100 test images. */
const DATA = { dataUrl: 'mem://tiny/', validationSize: 50 };
const TEST_CHUNK = 100;
const WAIT_MS = 2_000;

interface Harness {
  events: WorkerEvent[];
  send(c: Command): void;
  gate: Gate;
  /** Data loads wait until released. */
  holdData(): void;
  /** Lets held data loads and engine operations go on, and holds nothing more. */
  open(): void;
  /** Resolves once the host has handled every command sent so far (they are handled in order). */
  handled(): Promise<void>;
  /** The next data load fails. */
  failData(): void;
  /** Resolves with the first event from index `from` on that matches, or fails after WAIT_MS. */
  seen(match: (e: WorkerEvent) => boolean, from?: number): Promise<WorkerEvent>;
  /** The test hook's listener for a lost backend, as backend.ts would call it. */
  loseBackend(b: BackendName): void;
  close(): void;
}

function harness(deps: Partial<HostDeps> = {}): Harness {
  const gate = new Gate();
  const mnist = tinyMnist();
  let dataHeld: Array<() => void> | null = null;
  let failNext = false;
  let lost: ((b: BackendName) => void) | null = null;
  const channel = new MessageChannel();
  const host = attachHost(channel.port2 as unknown as Endpoint, {
    loadData: async () => {
      if (failNext) {
        failNext = false;
        throw new DataLoadError({ kind: 'data-missing', file: 'train-images-idx3-ubyte', status: 404 });
      }
      if (dataHeld) await new Promise<void>((go) => dataHeld!.push(go));
      return mnist as Mnist;
    },
    createEngine: (arch, params, runs) => new FakeRaceEngine(arch, params, runs, gate),
    selectBackend: async () => ({ backend: 'cpu' }),
    watchBackend: (onLost) => (lost = onLost),
    liveTensors: () => 42,
    flushIntervalMs: 0,
    heartbeatMs: 20,
    ...deps,
  });
  const events: WorkerEvent[] = [];
  const waiters = new Set<() => void>();
  channel.port1.onmessage = (ev) => {
    events.push(ev.data as WorkerEvent);
    waiters.forEach((w) => w());
  };
  const self: Harness = {
    events,
    gate,
    send: (c) => channel.port1.postMessage(c),
    holdData: () => (dataHeld = []),
    open: () => {
      gate.release();
      const waiting = dataHeld ?? [];
      dataHeld = null;
      waiting.forEach((go) => go());
    },
    failData: () => (failNext = true),
    seen: (match, from = 0) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(from).find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${WAIT_MS} ms; after #${from}: ${JSON.stringify(events.slice(from).map((e) => e.type))}`));
        }, WAIT_MS);
        waiters.add(check);
        check();
      }),
    loseBackend: (b) => lost?.(b),
    handled: async () => {
      const requestId = 1_000_000 + events.length;
      channel.port1.postMessage({ type: 'examples', requestId, set: 'test', trueDigit: 0, predictedDigit: 0, limit: 0 } satisfies Command);
      await self.seen((e) => e.type === 'examples' && e.requestId === requestId);
    },
    close: () => {
      gate.release();
      dataHeld?.forEach((go) => go());
      dataHeld = null;
      host.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
  return self;
}

const settings = { ...PRESET, epochs: 2 };
const startRun = (runId: number, epochs = 2): Command => ({ type: 'start', runId, settings: { ...settings, epochs }, data: DATA });
const startRace = (runId: number): Command => ({
  type: 'race',
  runId,
  settings,
  runs: [
    { ...PRESET, learningRate: 0.01, momentum: 0.5 },
    { ...PRESET, learningRate: 0.1, momentum: 0.5 },
  ],
  data: DATA,
});
const startRange = (runId: number): Command => ({ type: 'range-test', runId, settings, data: DATA });

const is = (want: Record<string, unknown>) => (e: WorkerEvent) => Object.entries(want).every(([k, v]) => (e as unknown as Record<string, unknown>)[k] === v);
/** The end of run `runId`, and how it ended. */
const ended = (runId: number, reason: string) => (e: WorkerEvent) => e.type === 'done' && e.runId === runId && e.end.reason === reason;
/** A failure of job `runId`, of problem `kind`. */
const failed = (runId: number, kind: string) => (e: WorkerEvent) => e.type === 'error' && e.runId === runId && e.problem.kind === kind;
const held = async (h: Harness) => {
  for (let i = 0; i < 200 && h.gate.held === 0; i++) await new Promise((r) => setTimeout(r, 5));
  expect(h.gate.held, 'the job is held at the gate').toBeGreaterThan(0);
};

/** How each state is reached; the state's job, if any, is run 1. */
const STATES = {
  idle: async (_h: Harness) => {},
  'after a run': async (h: Harness) => {
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'done', runId: 1 }));
    // And its accuracy by rotation, measured after done while the worker is free.
    await h.seen(is({ type: 'rotation-accuracy', runId: 1 }));
  },
  'after reset': async (h: Harness) => {
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'done', runId: 1 }));
    h.send({ type: 'reset' });
    await h.seen(is({ type: 'reset-done' }));
  },
  'after a failure': async (h: Harness) => {
    h.failData();
    h.send(startRun(1));
    await h.seen(failed(1, 'data-missing'));
  },
  loading: async (h: Harness) => {
    h.holdData();
    h.send(startRun(1));
    await h.seen(is({ type: 'phase', runId: 1, phase: 'loading-data' }));
  },
  training: async (h: Harness) => {
    h.gate.holds = { flush: true };
    h.send(startRun(1));
    await held(h);
  },
  paused: async (h: Harness) => {
    await STATES.training(h);
    h.send({ type: 'pause', runId: 1 });
    await h.seen(is({ type: 'phase', runId: 1, phase: 'paused' }));
  },
  testing: async (h: Harness) => {
    h.gate.holds = { predict: (n) => n === TEST_CHUNK };
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'phase', runId: 1, phase: 'testing' }));
    await held(h);
  },
  race: async (h: Harness) => {
    h.gate.holds = { flush: true };
    h.send(startRace(1));
    await held(h);
  },
  'range test': async (h: Harness) => {
    h.gate.holds = { flush: true };
    h.send(startRange(1));
    await held(h);
  },
  /** Asked to stop; its end event waits for the readback. */
  stopping: async (h: Harness) => {
    await STATES.training(h);
    h.send({ type: 'stop', runId: 1 });
  },
  /** Reset during a run: reset-done waits for the run's end. */
  resetting: async (h: Harness) => {
    await STATES.training(h);
    h.send({ type: 'reset' });
  },
} satisfies Record<string, (h: Harness) => Promise<void>>;
type State = keyof typeof STATES;

/** Each command as sent in every state: starts are run 2; the others name run 1, the state's job. */
const COMMANDS = {
  start: startRun(2),
  race: startRace(2),
  'range-test': startRange(2),
  pause: { type: 'pause', runId: 1 },
  resume: { type: 'resume', runId: 1 },
  stop: { type: 'stop', runId: 1 },
  reset: { type: 'reset' },
  'set-hyper': { type: 'set-hyper', runId: 1, hyper: { ...stepHyperOf(PRESET), learningRate: 0.123, momentum: 0.9 } },
  init: { type: 'init' },
  predict: { type: 'predict', requestId: 7, pixels: new Float32Array(784) },
  'get-params': { type: 'get-params', requestId: 7 },
  'load-params': { type: 'load-params', requestId: 7, arch: ANN_MNIST, params: initParams(ANN_MNIST, 'pytorch', 3) },
  examples: { type: 'examples', requestId: 7, set: 'validation', trueDigit: 1, predictedDigit: 0, limit: 5 },
  sample: { type: 'sample', requestId: 7, digit: 3, nth: 0, dataUrl: DATA.dataUrl },
  fault: { type: 'fault', fault: 'lose-webgl' },
  inspect: { type: 'inspect', requestId: 7, pixels: new Float32Array(784), epoch: null },
  replay: { type: 'replay', requestId: 7, epoch: 1 },
  'augment-preview': { type: 'augment-preview', requestId: 7, settings: { ...PRESET, rotationDeg: 30 }, data: DATA, count: 4 },
  'model-rotation': { type: 'model-rotation', requestId: 7, dataUrl: DATA.dataUrl },
  // Nothing is coming in these states (init did not say so): a delivery nobody waits for.
  data: { type: 'data', dataUrl: DATA.dataUrl, sets: null },
} satisfies Record<Command['type'], Command>;
type CommandType = keyof typeof COMMANDS;

/**
 * The documented answers, by name (see ANSWERS). 'applied': no answer of its
 * own, the run goes on to its end with no refusal (a set-hyper while the run
 * tests: no batch is left to carry the marker).
 */
type Answer =
  | 'accepted'
  | 'busy'
  | 'not-running'
  | 'paused'
  | 'loading-data'
  | 'training'
  | 'testing'
  | 'done stopped'
  | 'done completed'
  | 'race-done'
  | 'range-done'
  | 'reset-done'
  | 'marker'
  | 'marker after resume'
  | 'applied';

const IDLE = {
  start: 'accepted',
  race: 'accepted',
  'range-test': 'accepted',
  pause: 'not-running',
  resume: 'not-running',
  stop: 'not-running',
  reset: 'reset-done',
  'set-hyper': 'not-running',
} as const;
const ENDING = {
  start: 'busy',
  race: 'busy',
  'range-test': 'busy',
  pause: 'not-running',
  resume: 'not-running',
  stop: 'done stopped',
  reset: 'reset-done',
  'set-hyper': 'not-running',
} as const;

const TABLE: Record<State, Record<'start' | 'race' | 'range-test' | 'pause' | 'resume' | 'stop' | 'reset' | 'set-hyper', Answer>> = {
  idle: IDLE,
  'after a run': IDLE,
  'after reset': IDLE,
  'after a failure': IDLE,
  loading: {
    start: 'busy',
    race: 'busy',
    'range-test': 'busy',
    pause: 'paused',
    resume: 'loading-data',
    stop: 'done stopped',
    reset: 'reset-done',
    'set-hyper': 'marker',
  },
  training: {
    start: 'busy',
    race: 'busy',
    'range-test': 'busy',
    pause: 'paused',
    resume: 'training',
    stop: 'done stopped',
    reset: 'reset-done',
    'set-hyper': 'marker',
  },
  paused: {
    start: 'busy',
    race: 'busy',
    'range-test': 'busy',
    pause: 'paused',
    resume: 'training',
    stop: 'done stopped',
    reset: 'reset-done',
    'set-hyper': 'marker after resume',
  },
  testing: {
    start: 'busy',
    race: 'busy',
    'range-test': 'busy',
    pause: 'paused',
    resume: 'testing',
    stop: 'done completed',
    reset: 'reset-done',
    'set-hyper': 'applied',
  },
  race: {
    start: 'busy',
    race: 'busy',
    'range-test': 'busy',
    pause: 'paused',
    resume: 'training',
    stop: 'race-done',
    reset: 'reset-done',
    'set-hyper': 'not-running',
  },
  'range test': {
    start: 'busy',
    race: 'busy',
    'range-test': 'busy',
    pause: 'paused',
    resume: 'training',
    stop: 'range-done',
    reset: 'reset-done',
    'set-hyper': 'not-running',
  },
  stopping: ENDING,
  resetting: ENDING,
};

/** Answers the host gives at once, whatever the job is waiting for. */
const IMMEDIATE: ReadonlySet<Answer> = new Set(['accepted', 'busy', 'not-running', 'paused', 'loading-data', 'training', 'testing']);

const JOB_STATES: ReadonlySet<State> = new Set(['loading', 'training', 'paused', 'testing', 'race', 'range test', 'stopping', 'resetting']);

/** What must follow `command` in `state`. */
function expected(state: State, command: CommandType): (e: WorkerEvent) => boolean {
  switch (command) {
    case 'data':
      // Unanswered and ignored: the host goes on with what it was doing (the probe that follows answers).
      return (e) => e.type === 'examples' && e.requestId >= 1_000_000;
    case 'init':
      return is({ type: 'backend' });
    case 'predict':
      return is({ type: 'prediction', requestId: 7 });
    case 'get-params':
      return is({ type: 'params', requestId: 7 });
    case 'load-params':
      // A job holds the worker: the saved weights wait (the refusal says why).
      return is({ type: 'params-loaded', requestId: 7, ok: !JOB_STATES.has(state) });
    case 'examples':
      return is({ type: 'examples', requestId: 7 });
    case 'inspect':
      return is({ type: 'inspection', requestId: 7 });
    case 'replay':
      return is({ type: 'replay-weights', requestId: 7 });
    case 'sample':
      // At once in every state: the image once the data is there, else why not.
      return is({ type: 'sample', requestId: 7 });
    case 'fault':
      // Not enabled by init: a test hook that does nothing unasked.
      return is({ type: 'refused', command: 'fault', code: 'unavailable' });
    case 'augment-preview':
      return (e) => e.type === 'augment-preview' && e.requestId === 7 && e.images?.length === 4 * 784;
    case 'model-rotation':
      // Only between jobs, and only with a model (the last run's).
      return (e) =>
        e.type === 'model-rotation' &&
        e.requestId === 7 &&
        (JOB_STATES.has(state)
          ? 'problem' in e && e.problem === 'busy'
          : state === 'after a run'
            ? 'result' in e && e.result.runs[0].accuracy.length === 7
            : 'problem' in e && e.problem === 'no-model');
  }
  const answer = TABLE[state][command];
  switch (answer) {
    case 'accepted':
      return is({ type: 'accepted', runId: 2 });
    case 'busy':
      return is({ type: 'refused', command, code: 'busy', runId: 2 });
    case 'not-running':
      return is({ type: 'refused', command, code: 'not-running', runId: 1 });
    case 'paused':
    case 'loading-data':
    case 'training':
    case 'testing':
      return is({ type: 'phase', runId: 1, phase: answer });
    case 'done stopped':
      return ended(1, 'stopped');
    case 'done completed':
    case 'applied':
      return ended(1, 'completed');
    case 'race-done':
    case 'range-done':
      return is({ type: answer, runId: 1 });
    case 'reset-done':
      return is({ type: 'reset-done' });
    case 'marker':
    case 'marker after resume':
      return is({ type: 'hyper-change', runId: 1, learningRate: 0.123, momentum: 0.9 });
  }
}

/** The gate opens and leftovers are ended; the worker must then accept a new run and finish it. */
async function comesFree(h: Harness): Promise<void> {
  h.open();
  for (let id = 100; id < 200; id++) {
    const from = h.events.length;
    h.send({ type: 'resume', runId: 1 });
    h.send({ type: 'stop', runId: 1 });
    h.send({ type: 'stop', runId: 2 });
    h.send(startRun(id, 1));
    const answer = await h.seen((e) => (e.type === 'accepted' || e.type === 'refused') && e.runId === id, from);
    if (answer.type === 'accepted') {
      await h.seen(ended(id, 'completed'), from);
      return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the worker never came free');
}

let open: Harness | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('the host answers every command in every state', () => {
  const cells = (Object.keys(STATES) as State[]).flatMap((state) => (Object.keys(COMMANDS) as CommandType[]).map((command) => [state, command] as const));
  it.each(cells)('%s: %s', async (state, command) => {
    const h = (open = harness());
    await STATES[state](h);
    const from = h.events.length;
    h.send(COMMANDS[command]);
    const answer = command in TABLE[state] ? TABLE[state][command as keyof (typeof TABLE)[State]] : null;
    // The preview reads the data, as a run does: while the load is held, it waits for it.
    if (command === 'augment-preview' && state === 'loading') {
      await h.handled();
      h.open();
    }
    if (answer && !IMMEDIATE.has(answer)) {
      // It comes with the job's next batch or its end: once the host has the command, let the job go on (and, paused, resume it).
      await h.handled();
      h.open();
      if (answer === 'marker after resume') h.send({ type: 'resume', runId: 1 });
    }
    if (command === 'data') await h.handled();
    await h.seen(expected(state, command), from);
    if (command === 'data') expect(h.events.slice(from).filter((e) => e.type === 'refused' || e.type === 'error')).toEqual([]);
    if (answer === 'applied') expect(h.events.slice(from).filter((e) => e.type === 'refused')).toEqual([]);
    await comesFree(h);
  });
});

describe('the heartbeat and a lost backend', () => {
  const beats = (h: Harness, from = 0) => h.events.slice(from).filter((e): e is Extract<WorkerEvent, { type: 'heartbeat' }> => e.type === 'heartbeat');
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('beats while a job runs, with work that grows while it trains and stands still while a readback never returns', async () => {
    const h = (open = harness({ flushIntervalMs: 0 }));
    h.send(startRun(1, 200));
    await h.seen(is({ type: 'phase', runId: 1, phase: 'training' }));
    await sleep(150);
    const training = beats(h);
    expect(training.length, 'beats every 20 ms').toBeGreaterThanOrEqual(3);
    expect(training.every((b) => b.runId === 1)).toBe(true);
    expect(training.at(-1)!.work).toBeGreaterThan(training[0].work);

    // A lost GPU: the readback is never answered, the worker's event loop still runs.
    h.gate.holds = { flush: true };
    await held(h);
    const from = h.events.length;
    await sleep(150);
    const stuck = beats(h, from);
    expect(stuck.length).toBeGreaterThanOrEqual(3);
    expect(new Set(stuck.map((b) => b.work)).size, 'no progress while stuck').toBe(1);
    expect(stuck.at(-1)!.phase).toBe('training');

    // Paused, the heartbeat says so (no progress is expected then).
    h.send({ type: 'pause', runId: 1 });
    h.gate.release();
    await h.seen(is({ type: 'phase', phase: 'paused' }), from);
    await sleep(60);
    expect(beats(h).at(-1)!.phase).toBe('paused');

    h.send({ type: 'stop', runId: 1 });
    const done = await h.seen(is({ type: 'done', runId: 1 }));
    expect(done).toMatchObject({ end: { reason: 'stopped' }, tensors: 42 });
    await sleep(20);
    const after = h.events.length;
    await sleep(100);
    expect(beats(h, after), 'no beats without a job').toEqual([]);
  });

  it('says once, at once, that the WebGL context was lost, in any state, and keeps that backend out of the next choice', async () => {
    const asked: BackendName[][] = [];
    const h = (open = harness({
      selectBackend: async (_preferred, failed) => {
        asked.push([...(failed ?? [])]);
        return { backend: failed?.has('webgl') ? 'wasm' : 'webgl' };
      },
    }));
    h.send({ type: 'init' });
    await h.seen(is({ type: 'backend', backend: 'webgl' }));
    h.loseBackend('webgl');
    h.loseBackend('webgl');
    await h.seen(is({ type: 'backend-lost', backend: 'webgl' }));
    await h.handled();
    expect(h.events.filter((e) => e.type === 'backend-lost').length).toBe(1);
    // The page restarts the worker; an old one that is asked again does not pick WebGL.
    h.send({ type: 'init' });
    await h.seen(is({ type: 'backend', backend: 'wasm' }));
    expect(asked.at(-1)).toEqual(['webgl']);
  });

  it('starts on the next backend when init names one that failed in an earlier worker', async () => {
    const asked: BackendName[][] = [];
    const h = (open = harness({
      selectBackend: async (_preferred, failed) => {
        asked.push([...(failed ?? [])]);
        return { backend: 'wasm', reason: { kind: 'fallback', skipped: [{ backend: 'webgl', why: 'failed-earlier' }] } };
      },
    }));
    h.send({ type: 'init', preferredBackend: 'webgl', exclude: ['webgl'] });
    await h.seen(is({ type: 'backend', backend: 'wasm' }));
    expect(asked).toEqual([['webgl']]);
  });

  it('causes test faults only when init asked for them', async () => {
    const caused: string[] = [];
    const h = (open = harness({
      fault: (f) => {
        caused.push(f);
        return f !== 'lose-webgl';
      },
    }));
    h.send({ type: 'fault', fault: 'close' });
    await h.seen(is({ type: 'refused', command: 'fault', code: 'unavailable' }));
    expect(caused).toEqual([]);
    h.send({ type: 'init', faults: true });
    const from = h.events.length;
    h.send({ type: 'fault', fault: 'lose-webgl' });
    await h.seen(is({ type: 'refused', command: 'fault', code: 'unavailable' }), from);
    h.send({ type: 'fault', fault: 'hang' });
    await h.handled();
    expect(caused).toEqual(['lose-webgl', 'hang']);
  });
});

describe('the data kept for offline use', () => {
  it('tells the page after each load of the data whether it is kept, and when it did not load', async () => {
    let loads = 0;
    const h = (open = harness({
      loadData: async () => {
        if (loads++ === 0) throw new DataLoadError({ kind: 'data-missing', file: 'train-images-idx3-ubyte.gz', status: 404 });
        return { ...tinyMnist(), keep: () => 'stored' as const };
      },
    }));
    h.send(startRun(1, 1));
    await h.seen(failed(1, 'data-missing'));
    await h.seen(is({ type: 'data-offline', state: 'load-failed' }));
    h.send(startRun(2, 1));
    await h.seen(is({ type: 'done', runId: 2 }));
    await h.seen(is({ type: 'data-offline', state: 'stored' }));
    // The data set stays loaded: a later run neither loads nor reports it again.
    h.send(startRun(3, 1));
    await h.seen(is({ type: 'done', runId: 3 }));
    expect(h.events.filter((e) => e.type === 'data-offline').map((e) => e.type === 'data-offline' && e.state)).toEqual(['load-failed', 'stored']);
    expect(loads).toBe(2);
  });

  /** A harness whose data set counts the times it is asked to be kept. */
  const keeping = () => {
    let n = 0;
    const h = (open = harness({
      loadData: async () => ({
        ...tinyMnist(),
        keep: () => {
          n++;
          return 'stored' as const;
        },
      }),
    }));
    return { h, keeps: () => n };
  };

  it('keeps the data after the first run has posted a loss, not between the data and the first step', async () => {
    const { h, keeps } = keeping();
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'done', runId: 1 }));
    await h.seen(is({ type: 'data-offline', state: 'stored' }));
    const at = (type: WorkerEvent['type']) => h.events.findIndex((e) => e.type === type);
    expect(at('losses')).toBeGreaterThan(-1);
    expect(at('data-offline'), 'kept after the first loss').toBeGreaterThan(at('losses'));
    expect(keeps()).toBe(1);
  });

  it('keeps the data loaded at start-up after the warm-up, with no run asked for', async () => {
    const { h, keeps } = keeping();
    h.send({ type: 'init', prefetch: { dataUrl: DATA.dataUrl, batchSize: 64, arch: ANN_MNIST } });
    await h.seen(is({ type: 'data-offline', state: 'stored' }));
    expect(keeps()).toBe(1);
    expect(h.events.some((e) => e.type === 'accepted')).toBe(false);
  });
});

describe('the warm-up at start-up', () => {
  /** A harness whose engines are counted. */
  const counted = () => {
    const made: number[] = [];
    const gate = new Gate();
    const h = (open = harness({
      createEngine: (arch, params, runs) => {
        made.push(runs);
        return new FakeRaceEngine(arch, params, runs, gate);
      },
    }));
    return { h, made };
  };
  const prefetch: Command = { type: 'init', prefetch: { dataUrl: DATA.dataUrl, batchSize: 64, arch: ANN_MNIST } };

  it('warms an engine once the data is in, while nobody waits', async () => {
    const { h, made } = counted();
    h.send(prefetch);
    await vi.waitFor(() => expect(made, 'the warm-up engine').toEqual([1]));
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'done', runId: 1 }));
    expect(made, 'then the run’s').toEqual([1, 1]);
  });

  it('leaves the throwaway step out when Train was pressed while the data loaded: the run is the warm-up', async () => {
    const { h, made } = counted();
    h.holdData();
    h.send(prefetch);
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'accepted', runId: 1 }));
    h.open();
    await h.seen(is({ type: 'done', runId: 1 }));
    expect(made, 'the run’s engine only').toEqual([1]);
  });
});

describe('the data from the page’s data worker', () => {
  const init: Command = { type: 'init', prefetch: { dataUrl: DATA.dataUrl, batchSize: 64, arch: ANN_MNIST }, dataComing: true };
  /** A harness counting its own loads and what it is asked to keep. */
  const counted = () => {
    const seen = { loads: 0, kept: [] as (ArrayBuffer[] | null)[] };
    const h = (open = harness({
      loadData: async () => {
        seen.loads++;
        return tinyMnist() as Mnist;
      },
      keeper: (_url, sent) => () => {
        seen.kept.push(sent);
        return 'stored' as const;
      },
    }));
    return { h, seen };
  };

  it('trains on the data worker’s sets without loading them, waiting for them if Train comes first, and keeps the files it sent', async () => {
    const { h, seen } = counted();
    h.send(init);
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'accepted', runId: 1 }));
    await h.handled();
    expect(
      h.events.some((e) => e.type === 'losses'),
      'nothing trains before the data comes',
    ).toBe(false);
    const sent = [new ArrayBuffer(3), new ArrayBuffer(1), new ArrayBuffer(2), new ArrayBuffer(1)];
    h.send({ type: 'data', dataUrl: DATA.dataUrl, sets: { ...tinyMnist(), sent } });
    await h.seen(is({ type: 'done', runId: 1 }));
    await h.seen(is({ type: 'data-offline', state: 'stored' }));
    expect(seen.loads, 'never loaded here').toBe(0);
    expect(seen.kept.map((k) => k?.map((b) => b.byteLength))).toEqual([[3, 1, 2, 1]]);
  });

  it('loads the data itself when the data worker failed', async () => {
    const { h, seen } = counted();
    h.send(init);
    h.send({ type: 'data', dataUrl: DATA.dataUrl, sets: null });
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'done', runId: 1 }));
    expect(seen.loads).toBe(1);
  });

  it('loads a data set the data worker is not bringing itself, and ignores a delivery nothing waits for', async () => {
    const { h, seen } = counted();
    h.send({ ...init, prefetch: { dataUrl: 'mem://other/', batchSize: 64 } } as Command);
    h.send({ type: 'data', dataUrl: 'mem://other/', sets: { ...tinyMnist(), sent: null } });
    h.send(startRun(1, 1));
    await h.seen(is({ type: 'done', runId: 1 }));
    expect(seen.loads, 'the run’s data set, not the one coming').toBe(1);
    h.send({ type: 'data', dataUrl: DATA.dataUrl, sets: { ...tinyMnist(), sent: null } });
    h.send(startRun(2, 1));
    await h.seen(is({ type: 'done', runId: 2 }));
    expect(seen.loads).toBe(1);
  });
});
