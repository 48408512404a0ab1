import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startAutoSave } from './history/autoSave.ts';
import { startInside } from './inside/insideActions.ts';
import { connect, fault, pageOptions } from './lab.ts';
import { startLeaveGuard } from './leaveGuard.ts';
import { startOffline } from './offline/start.ts';
import { startAddressSync } from './link/sync.ts';
import { useLab } from './store/index.ts';
import './styles.css';

// For tools (the bench, debugging): read-only access to the store (its state, and every change of it: a phase
// shorter than a frame is seen); with `?faults=1`, the e2e tests' fault hook too.
(window as unknown as { mnistLab: { getState: typeof useLab.getState; subscribe: typeof useLab.subscribe; fault?: typeof fault } }).mnistLab = {
  getState: useLab.getState,
  subscribe: useLab.subscribe,
  ...(pageOptions.faults ? { fault } : {}),
};

// Before connect: the link's batch size is the one the worker starts with.
startAddressSync();
connect();
startAutoSave();
startInside();
startLeaveGuard();
startOffline();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
