/**
 * "Accuracy by rotation": test accuracy against the angle the test set was
 * turned by, one line per run (the last run, each run of a comparison, the
 * held model measured on demand, and runs ticked in the history), as a chart
 * and as a table with the same figures. Lines arrive after a run's end (the
 * worker measures while nothing trains); meanwhile the panel says so.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { measureModelRotation } from '../../rotationActions.ts';
import { useLab } from '../../store/index.ts';
import { raceRunNames } from '../../runNames.ts';
import { canMeasureModel, rotationLines, rotationPending } from './rotationLines.ts';
import { RotationView } from './RotationView.tsx';
import { lineName } from './rotationWords.ts';
import './rotation.css';

const NONE: readonly never[] = [];

export function RotationPanel() {
  // Re-renders in the new language when it changes (the lines' names are worded here).
  useTranslation();
  // Only what changes once a run: the run and the race objects change with every loss point (10 a second).
  const runId = useLab((s) => s.run?.id);
  const runSettings = useLab((s) => s.run?.settings);
  const runRotation = useLab((s) => s.run?.rotation);
  const raceId = useLab((s) => s.race?.runId);
  const raceRotations = useLab(useShallow((s) => s.race?.runs.map((r) => r.rotation) ?? NONE));
  const raceNames = useLab(useShallow((s) => (s.race ? raceRunNames(s.race.runs) : NONE)));
  const model = useLab((s) => s.model);
  const modelRotation = useLab((s) => s.modelRotation);
  const history = useLab((s) => s.history);
  const historySelected = useLab((s) => s.historySelected);
  const pending = useLab(rotationPending);
  const progress = useLab((s) => s.rotationProgress);
  const measurable = useLab(canMeasureModel);

  const lines = useMemo(
    () =>
      rotationLines({
        run: runId !== undefined && runSettings ? { id: runId, settings: runSettings, rotation: runRotation } : null,
        race: raceId !== undefined ? { runId: raceId, runs: raceRotations.map((rotation) => ({ rotation })) } : null,
        model,
        modelRotation,
        history,
        historySelected,
      }),
    [runId, runSettings, runRotation, raceId, raceRotations, model, modelRotation, history, historySelected],
  );
  const names = lines.map((l) => lineName(l, raceNames));
  const problem = modelRotation?.status === 'failed' ? modelRotation.problem : null;
  return (
    <RotationView
      lines={lines}
      names={names}
      pending={pending}
      progress={progress}
      problem={problem}
      onMeasure={measurable ? () => void measureModelRotation() : null}
    />
  );
}
