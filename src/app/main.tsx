import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startAutoSave } from './history/autoSave.ts';
import { connect, fault, pageOptions } from './lab.ts';
import { startLeaveGuard } from './leaveGuard.ts';
import { useLab } from './store/index.ts';
import './styles.css';

// For tools (the bench, debugging): read-only access to the store; with `?faults=1`, the e2e tests' fault hook too.
(window as unknown as { mnistLab: { getState: typeof useLab.getState; fault?: typeof fault } }).mnistLab = {
  getState: useLab.getState,
  ...(pageOptions.faults ? { fault } : {}),
};

if (pageOptions.present) useLab.getState().setPresent(true);
connect();
startAutoSave();
startLeaveGuard();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
