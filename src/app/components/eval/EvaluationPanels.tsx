/**
 * The evaluation half of the page: which evaluation to show, accuracy, the
 * ROC curves, the confusion matrix, and the gallery it opens. Each panel
 * subscribes to its own slice of the store, so none of them re-renders on
 * the loss events that drive the loss chart.
 */
import { useTranslation } from 'react-i18next';
import { AccuracyChart } from './AccuracyChart.tsx';
import { ConfusionPanel } from './ConfusionPanel.tsx';
import { EvalSetSwitch } from './EvalSetSwitch.tsx';
import { Gallery } from './Gallery.tsx';
import { PerClassAccuracy } from './PerClassAccuracy.tsx';
import { RocPanel } from './RocPanel.tsx';
import { EpochReplay } from '../../inside/EpochReplay.tsx';
import './eval.css';

export function EvaluationPanels() {
  const { t } = useTranslation();
  return (
    <div className="eval">
      <EvalSetSwitch />
      <section className="panel eval-panel eval-accuracy" aria-labelledby="accuracy-heading">
        <h2 id="accuracy-heading">{t('eval.accuracy.heading')}</h2>
        <div className="eval-accuracy__body">
          <div>
            <AccuracyChart />
            <p className="eval-explain">{t('eval.accuracy.explain')}</p>
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
