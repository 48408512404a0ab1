/**
 * The page: settings on the left, what the network is doing on the right.
 * Each panel has its own error boundary: one that fails says so and offers
 * Try again, and the rest of the page keeps working.
 */
import { Controls } from './components/Controls.tsx';
import { LossChart } from './components/LossChart.tsx';
import { BackendLine, EpochSummary, ProgressPanel, RunMessage } from './components/RunStatus.tsx';
import { EvaluationPanels } from './components/eval/EvaluationPanels.tsx';
import { ModelsPanel } from './components/ModelsPanel.tsx';
import { RangeTestPanel } from './components/RangeTestPanel.tsx';
import { RacePanel } from './components/race/RacePanel.tsx';
import { HistoryPanel } from './history/HistoryPanel.tsx';
import { DrawPanel } from './components/draw/DrawPanel.tsx';
import { PanelBoundary } from './components/PanelBoundary.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { RotationPanel } from './components/rotation/RotationPanel.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app__header">
        <h1>mnist-lab</h1>
        <LanguageSwitch />
        <p className="tagline">Watch a small network learn handwritten digits, and see what the learning rate changes.</p>
        <PanelBoundary title="Backend">
          <BackendLine />
        </PanelBoundary>
      </header>
      <main className="app__main">
        <PanelBoundary title="Settings">
          <Controls />
        </PanelBoundary>
        <div className="app__results">
          <PanelBoundary title="Training">
            <section className="panel status" aria-labelledby="status-heading">
              <h2 id="status-heading">Training</h2>
              <ProgressPanel />
              <EpochSummary />
              <RunMessage />
            </section>
          </PanelBoundary>
          <PanelBoundary title="Loss">
            <LossChart />
          </PanelBoundary>
          <PanelBoundary title="Find a learning rate">
            <RangeTestPanel />
          </PanelBoundary>
          <PanelBoundary title="Race learning rates">
            <RacePanel />
          </PanelBoundary>
          <PanelBoundary title="Run history">
            <HistoryPanel />
          </PanelBoundary>
          <PanelBoundary title="Evaluation">
            <EvaluationPanels />
          </PanelBoundary>
          <div className="app__pair">
            <PanelBoundary title="Draw a digit">
              <DrawPanel />
            </PanelBoundary>
            <PanelBoundary title="Saved models">
              <ModelsPanel />
            </PanelBoundary>
          </div>
          {/* Last: its lines arrive after a run's end, and nothing below it should move when they do (a stroke being drawn on the pad, say). */}
          <PanelBoundary title="Accuracy by rotation">
            <RotationPanel />
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}
