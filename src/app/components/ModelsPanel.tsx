/**
 * Models that persist: save the network the worker holds, list what this
 * browser has saved, load one to draw against without retraining, download
 * it as a file and upload such a file back. Where the browser cannot store
 * anything, the panel says so and offers the file instead.
 */
import { architectureOf } from '../../model/architecture.ts';
import { networkText } from '../networkWords.ts';
import { useEffect, useId, useState } from 'react';
import { MAX_NAME } from '../../shared/validate.ts';
import * as models from '../modelActions.ts';
import type { ModelSummary } from '../models/modelDb.ts';
import { count, dateTime, pct } from '../format.ts';
import { MODELS_NOT_KEPT } from '../storage/failure.ts';
import { useStorageAvailability } from '../storage/useStorage.ts';
import { useLab, workerBusy } from '../store/index.ts';
import { DamagedRecords } from './DamagedRecords.tsx';
import { Figure } from './Figure.tsx';
import { Boundary, ItemFailure } from './PanelBoundary.tsx';

function SavedModelItem({ m, busy }: { m: ModelSummary; busy: boolean }) {
  const test = m.metrics.testAccuracy;
  return (
    <li>
      <div className="models__text">
        <strong className="models__name">{m.name}</strong>
        <span className="muted">
          {' '}
          · {networkText(m.arch)} · {dateTime(m.savedAt)} · {count(m.metrics.epochsTrained)} epoch{m.metrics.epochsTrained === 1 ? '' : 's'}
          {test !== undefined ? (
            <>
              {' '}
              · test <Figure text={pct(test, 2)} />
            </>
          ) : null}
        </span>
      </div>
      <div className="models__actions">
        <button type="button" aria-label={`Load ${m.name}`} disabled={busy} onClick={() => void models.loadSavedModel(m.id)}>
          Load
        </button>
        <button type="button" aria-label={`Download ${m.name}`} onClick={() => void models.downloadSavedModel(m.id)}>
          Download
        </button>
        <button type="button" aria-label={`Delete ${m.name}`} onClick={() => void models.deleteSavedModel(m.id)}>
          Delete
        </button>
      </div>
    </li>
  );
}

export function ModelsPanel() {
  const model = useLab((s) => s.model);
  const saved = useLab((s) => s.savedModels);
  const damaged = useLab((s) => s.damagedModels);
  const message = useLab((s) => s.modelsMessage);
  const busy = useLab(workerBusy);
  const storage = useStorageAvailability();
  const [name, setName] = useState('');
  const nameId = useId();
  const canStore = storage !== 'unavailable';

  useEffect(() => {
    void models.refreshSavedModels();
  }, []);

  return (
    <section className="panel models" aria-labelledby="models-heading">
      <h2 id="models-heading">Saved models</h2>
      <p className="muted models__current">
        {model ? (
          <>
            Current model: <strong className="models__name">{model.name}</strong> ({model.source === 'trained' ? 'trained here' : 'loaded'}) ·{' '}
            {networkText(architectureOf(model.settings))}
            {model.metrics.testAccuracy !== undefined ? (
              <>
                {' '}
                · test accuracy <Figure text={pct(model.metrics.testAccuracy, 2)} />
              </>
            ) : null}
          </>
        ) : (
          'No model yet: train one, or load a saved one.'
        )}
      </p>
      <form
        className="models__save"
        onSubmit={(e) => {
          e.preventDefault();
          void models.saveCurrentModel(name).then(() => setName(''));
        }}
      >
        <label htmlFor={nameId}>Model name</label>
        <input
          id={nameId}
          type="text"
          value={name}
          placeholder={model?.name ?? ''}
          maxLength={MAX_NAME}
          onChange={(e) => setName(e.target.value)}
          disabled={!model}
        />
        <button type="submit" disabled={!model || busy || !canStore}>
          Save model
        </button>
        <button type="button" disabled={!model || busy} onClick={() => void models.downloadCurrentModel(name)}>
          Download current model
        </button>
      </form>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message${message.kind === 'error' ? ' message--error' : ''}`}>
          {message.text}
        </p>
      ) : null}
      {!canStore ? (
        <p className="notice" role="note">
          {MODELS_NOT_KEPT}
        </p>
      ) : saved.length > 0 ? (
        <ul className="models__list" aria-label="Saved models">
          {saved.map((m) => (
            <Boundary
              key={m.id}
              fallback={(error) => (
                <ItemFailure
                  what={`The saved model ${m.id}`}
                  error={error}
                  recover={{ label: 'Remove this saved model', run: () => models.deleteSavedModel(m.id) }}
                />
              )}
            >
              <SavedModelItem m={m} busy={busy} />
            </Boundary>
          ))}
        </ul>
      ) : (
        <p className="muted">No saved models in this browser yet.</p>
      )}
      {damaged.length > 0 ? <DamagedRecords list={damaged} what="saved model" onRemove={(key) => void models.deleteSavedModel(key)} /> : null}
      <label className="models__upload">
        Upload model file
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void models.uploadModelFile(f);
          }}
        />
      </label>
      {busy ? <p className="muted">Loading and uploading wait until the training ends.</p> : null}
    </section>
  );
}
