/**
 * "Inside the network": the first-layer weights and the drawing layer by
 * layer, in its own error boundary (named in the page's language).
 */
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { DrawingInside } from './DrawingInside.tsx';
import { WeightsGrid } from './WeightsGrid.tsx';
import './inside.css';

export function InsidePanel() {
  const { t } = useTranslation();
  return (
    <PanelBoundary title={t('inside.heading')} panel="inside">
      <section className="panel inside" aria-labelledby="inside-heading">
        <h2 id="inside-heading">{t('inside.heading')}</h2>
        <div className="inside__body">
          <WeightsGrid />
          <DrawingInside />
        </div>
      </section>
    </PanelBoundary>
  );
}
