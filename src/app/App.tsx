/** The page: settings on the left, what the network is doing on the right. */
import { Controls } from './components/Controls.tsx';
import { LossChart } from './components/LossChart.tsx';
import { BackendLine, EpochSummary, ProgressPanel, RunMessage } from './components/RunStatus.tsx';
import { EvaluationPanels } from './components/eval/EvaluationPanels.tsx';
import { ModelsPanel } from './components/ModelsPanel.tsx';
import { RangeTestPanel } from './components/RangeTestPanel.tsx';
import { RacePanel } from './components/race/RacePanel.tsx';
import { HistoryPanel } from './history/HistoryPanel.tsx';
import { DrawPanel } from './components/draw/DrawPanel.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app__header">
        <h1>mnist-lab</h1>
        <p className="tagline">Watch a small network learn handwritten digits, and see what the learning rate changes.</p>
        <BackendLine />
      </header>
      <main className="app__main">
        <Controls />
        <div className="app__results">
          <section className="panel status" aria-labelledby="status-heading">
            <h2 id="status-heading">Training</h2>
            <ProgressPanel />
            <EpochSummary />
            <RunMessage />
          </section>
          <LossChart />
          <RangeTestPanel />
          <RacePanel />
          <HistoryPanel />
          <EvaluationPanels />
          <div className="app__pair">
            <DrawPanel />
            <ModelsPanel />
          </div>
        </div>
      </main>
    </div>
  );
}
