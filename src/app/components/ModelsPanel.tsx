/**
 * Models that persist: save the network the worker holds, list what this
 * browser has saved, load one to draw against without retraining, download
 * it as a file and upload such a file back.
 */
import { useEffect, useId, useState } from 'react';
import * as models from '../modelActions.ts';
import { pct } from '../format.ts';
import { useLab } from '../store/index.ts';

export function ModelsPanel() {
  const model = useLab((s) => s.model);
  const saved = useLab((s) => s.savedModels);
  const message = useLab((s) => s.modelsMessage);
  const active = useLab((s) => !!s.run && s.run.phase !== 'done');
  const [name, setName] = useState('');
  const nameId = useId();

  useEffect(() => {
    void models.refreshSavedModels();
  }, []);

  return (
    <section className="panel models" aria-labelledby="models-heading">
      <h2 id="models-heading">Saved models</h2>
      <p className="muted">
        {model ? (
          <>
            Current model: <strong>{model.name}</strong> ({model.source === 'trained' ? 'trained here' : 'loaded'})
            {model.metrics.testAccuracy !== undefined ? ` · test accuracy ${pct(model.metrics.testAccuracy, 2)}` : ''}
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
        <input id={nameId} type="text" value={name} placeholder={model?.name ?? ''} onChange={(e) => setName(e.target.value)} disabled={!model} />
        <button type="submit" disabled={!model || active}>Save model</button>
      </form>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message${message.kind === 'error' ? ' message--error' : ''}`}>
          {message.text}
        </p>
      ) : null}
      {saved.length > 0 ? (
        <ul className="models__list" aria-label="Saved models">
          {saved.map((m) => (
            <li key={m.id}>
              <div>
                <strong>{m.name}</strong>
                <span className="muted">
                  {' '}· {new Date(m.savedAt).toLocaleString()} · {m.metrics.epochsTrained} epochs
                  {m.metrics.testAccuracy !== undefined ? ` · test ${pct(m.metrics.testAccuracy, 2)}` : ''}
                </span>
              </div>
              <div className="models__actions">
                <button type="button" aria-label={`Load ${m.name}`} disabled={active} onClick={() => void models.loadSavedModel(m.id)}>Load</button>
                <button type="button" aria-label={`Download ${m.name}`} onClick={() => void models.downloadSavedModel(m.id)}>Download</button>
                <button type="button" aria-label={`Delete ${m.name}`} onClick={() => void models.deleteSavedModel(m.id)}>Delete</button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No saved models in this browser yet.</p>
      )}
      <label className="models__upload">
        Upload model file
        <input
          type="file"
          accept=".json,application/json"
          disabled={active}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void models.uploadModelFile(f);
          }}
        />
      </label>
    </section>
  );
}
