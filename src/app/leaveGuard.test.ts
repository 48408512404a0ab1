import { afterEach, describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import { doneRace, doneRun, raceRun } from './history/testFixtures.ts';
import { shouldWarnOnLeave, startLeaveGuard } from './leaveGuard.ts';
import type { LabState } from './store/index.ts';
import { useLab } from './store/index.ts';

const base = useLab.getState();
const state = (patch: Partial<LabState>): LabState => ({ ...base, ...patch });

describe('shouldWarnOnLeave', () => {
  it('warns while a run trains or is paused, not once it is done', () => {
    expect(shouldWarnOnLeave(state({ run: doneRun({ phase: 'training', done: null }) }))).toBe(true);
    expect(shouldWarnOnLeave(state({ run: doneRun({ phase: 'paused', done: null }) }))).toBe(true);
    expect(shouldWarnOnLeave(state({ run: doneRun({ phase: 'loading-data', done: null }) }))).toBe(true);
    expect(shouldWarnOnLeave(state({ run: doneRun() }))).toBe(false);
    expect(shouldWarnOnLeave(state({ run: null }))).toBe(false);
  });

  it('warns while a race or a range test runs', () => {
    expect(shouldWarnOnLeave(state({ race: doneRace([raceRun(0.1, 'running', [])], { phase: 'training' }) }))).toBe(true);
    expect(shouldWarnOnLeave(state({ race: doneRace([raceRun(0.1, 'finished', [0.9])]) }))).toBe(false);
    expect(shouldWarnOnLeave(state({ rangeTest: { runId: 3, status: 'running', points: [], suggestion: null, result: null, problem: null } }))).toBe(true);
    expect(shouldWarnOnLeave(state({ rangeTest: { runId: 3, status: 'done', points: [], suggestion: null, result: null, problem: null } }))).toBe(false);
  });
});

describe('startLeaveGuard', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    useLab.setState({ run: null });
  });

  it('holds a beforeunload handler only while something trains; the handler asks the browser to confirm', () => {
    const listeners = new Set<EventListenerOrEventListenerObject>();
    const target = {
      addEventListener: (type: string, f: EventListenerOrEventListenerObject) => type === 'beforeunload' && listeners.add(f),
      removeEventListener: (type: string, f: EventListenerOrEventListenerObject) => type === 'beforeunload' && listeners.delete(f),
    } as unknown as Window;
    stop = startLeaveGuard(target);
    expect(listeners.size).toBe(0);

    useLab.setState({ run: doneRun({ phase: 'training', done: null, settings: PRESET }) });
    expect(listeners.size).toBe(1);
    const event = {
      defaultPrevented: false,
      returnValue: undefined as unknown,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    (listeners.values().next().value as (e: unknown) => void)(event);
    expect(event.defaultPrevented).toBe(true);
    expect(event.returnValue).toBe(true);

    useLab.setState({ run: doneRun({ phase: 'paused', done: null }) });
    expect(listeners.size).toBe(1);
    useLab.setState({ run: doneRun() });
    expect(listeners.size).toBe(0);

    useLab.setState({ run: doneRun({ phase: 'training', done: null }) });
    stop();
    stop = undefined;
    expect(listeners.size).toBe(0);
  });
});
