/**
 * The page: settings on the left, what the network is doing on the right.
 * Each panel has its own error boundary: one that fails says so and offers
 * Try again, and the rest of the page keeps working.
 */
import { useTranslation } from 'react-i18next';
import { Controls } from './components/Controls.tsx';
import { LossChart } from './components/LossChart.tsx';
import { BackendLine, EpochSummary, ProgressPanel, RunMessage } from './components/RunStatus.tsx';
import { EvaluationPanels } from './components/eval/EvaluationPanels.tsx';
import { ModelsPanel } from './components/ModelsPanel.tsx';
import { RangeTestPanel } from './components/RangeTestPanel.tsx';
import { RacePanel } from './components/race/RacePanel.tsx';
import { HistoryPanel } from './history/HistoryPanel.tsx';
import { DrawPanel } from './components/draw/DrawPanel.tsx';
import { InsidePanel } from './inside/InsidePanel.tsx';
import { RotationPanel } from './components/rotation/RotationPanel.tsx';
import { PanelBoundary } from './components/PanelBoundary.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { OfflineStatus } from './offline/OfflineStatus.tsx';
import { CopyLink } from './link/CopyLink.tsx';
import { LinkNotices } from './link/LinkNotices.tsx';

import { PresentButton } from './components/present/PresentButton.tsx';
import { usePresentLayout } from './components/present/usePresentLayout.ts';
import { Shortcuts } from './components/keys/Shortcuts.tsx';
import './components/augment/augment.css';
import './components/present/dashboard.css';
import './components/present/present.css';
import './components/present/presentCompare.css';

export function App() {
  const { t } = useTranslation();
  const layout = usePresentLayout();
  return (
    <div className={layout}>
      <header className="app__header">
        <h1>mnist-lab</h1>
        <LanguageSwitch />
        <CopyLink />
        <PresentButton />
        <Shortcuts />
        <p className="tagline">{t('app.tagline')}</p>
        <PanelBoundary title={t('app.panels.backend')}>
          <BackendLine />
        </PanelBoundary>
        <PanelBoundary title={t('app.panels.offline')}>
          <OfflineStatus />
        </PanelBoundary>
      </header>
      <LinkNotices />
      <main className="app__main">
        <PanelBoundary title={t('app.panels.settings')} panel="settings">
          <Controls />
        </PanelBoundary>
        <div className="app__results">
          <PanelBoundary title={t('app.panels.training')} panel="training">
            <section className="panel status" aria-labelledby="status-heading">
              <h2 id="status-heading">{t('app.panels.training')}</h2>
              <ProgressPanel />
              <EpochSummary />
              <RunMessage />
            </section>
          </PanelBoundary>
          <PanelBoundary title={t('app.panels.loss')} panel="loss">
            <LossChart />
          </PanelBoundary>
          <PanelBoundary title={t('app.panels.range')} panel="range">
            <RangeTestPanel />
          </PanelBoundary>
          <PanelBoundary title={t('app.panels.race')} panel="race">
            <RacePanel />
          </PanelBoundary>
          <PanelBoundary title={t('app.panels.history')} panel="history">
            <HistoryPanel />
          </PanelBoundary>
          <PanelBoundary title={t('app.panels.evaluation')} panel="evaluation">
            <EvaluationPanels />
          </PanelBoundary>
          <InsidePanel />
          <div className="app__pair">
            <PanelBoundary title={t('app.panels.draw')} panel="draw">
              <DrawPanel />
            </PanelBoundary>
            <PanelBoundary title={t('app.panels.models')} panel="models">
              <ModelsPanel />
            </PanelBoundary>
          </div>
          {/* Last: its lines arrive after a run's end, and nothing below it should move when they do (a stroke being drawn on the pad, say). */}
          <PanelBoundary title={t('rotation.heading')} panel="rotation">
            <RotationPanel />
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}
