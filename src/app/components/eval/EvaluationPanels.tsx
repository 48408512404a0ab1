/**
 * The evaluation half of the page: which evaluation to show, accuracy, the
 * ROC curves, the confusion matrix, and the gallery it opens. Each panel
 * subscribes to its own slice of the store, so none of them re-renders on
 * the loss events that drive the loss chart.
 */
import { AccuracyChart } from './AccuracyChart.tsx';
import { ConfusionPanel } from './ConfusionPanel.tsx';
import { EvalSetSwitch } from './EvalSetSwitch.tsx';
import { Gallery } from './Gallery.tsx';
import { PerClassAccuracy } from './PerClassAccuracy.tsx';
import { RocPanel } from './RocPanel.tsx';
import { EpochReplay } from '../../inside/EpochReplay.tsx';
import './eval.css';

export function EvaluationPanels() {
  return (
    <div className="eval">
      <EvalSetSwitch />
      <section className="panel eval-panel eval-accuracy" aria-labelledby="accuracy-heading">
        <h2 id="accuracy-heading">Accuracy</h2>
        <div className="eval-accuracy__body">
          <div>
            <AccuracyChart />
            <p className="eval-explain">
              Accuracy is the share of images whose most probable digit is the right one. The validation images check progress after every epoch; the test
              images are kept apart and used once, at the end, for an honest final score.
            </p>
          </div>
          <PerClassAccuracy />
        </div>
      </section>
      <div className="eval__pair">
        <RocPanel />
        <ConfusionPanel />
      </div>
      <EpochReplay />
      <Gallery />
    </div>
  );
}
