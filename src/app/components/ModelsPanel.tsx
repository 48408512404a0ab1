/**
 * Models that persist: save the network the worker holds, list what this
 * browser has saved, load one to draw against without retraining, download
 * it as a file and upload such a file back. Where the browser cannot store
 * anything, the panel says so and offers the file instead.
 */
import { architectureOf } from '../../model/architecture.ts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME } from '../../shared/validate.ts';
import * as models from '../modelActions.ts';
import { networkText } from '../networkWords.ts';
import type { ModelSummary } from '../models/modelDb.ts';
import { count, dateTime, pct } from '../format.ts';
import { modelsNotKept } from '../storage/failure.ts';
import { useStorageAvailability } from '../storage/useStorage.ts';
import { useLab, workerBusy } from '../store/index.ts';
import { DamagedRecords } from './DamagedRecords.tsx';
import { Figure } from './Figure.tsx';
import { Boundary, ItemFailure } from './PanelBoundary.tsx';

function SavedModelItem({ m, busy }: { m: ModelSummary; busy: boolean }) {
  const { t } = useTranslation();
  const test = m.metrics.testAccuracy;
  const epochs = m.metrics.epochsTrained;
  return (
    <li>
      <div className="models__text">
        <strong className="models__name">{m.name}</strong>
        <span className="muted">
          {' '}
          · {networkText(m.arch)} · {dateTime(m.savedAt)} · {t('models.epochs', { count: epochs, n: count(epochs) })}
          {test !== undefined ? (
            <>
              {' '}
              · {t('models.test')} <Figure text={pct(test, 2)} />
            </>
          ) : null}
        </span>
      </div>
      <div className="models__actions">
        <button type="button" aria-label={t('models.loadModel', { name: m.name })} disabled={busy} onClick={() => void models.loadSavedModel(m.id)}>
          {t('models.load')}
        </button>
        <button type="button" aria-label={t('models.downloadModel', { name: m.name })} onClick={() => void models.downloadSavedModel(m.id)}>
          {t('models.download')}
        </button>
        <button type="button" aria-label={t('models.deleteModel', { name: m.name })} onClick={() => void models.deleteSavedModel(m.id)}>
          {t('models.delete')}
        </button>
      </div>
    </li>
  );
}

export function ModelsPanel() {
  const { t } = useTranslation();
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
      <h2 id="models-heading">{t('models.heading')}</h2>
      <p className="muted models__current">
        {model ? (
          <>
            {t('models.current')} <strong className="models__name">{model.name}</strong>{' '}
            {model.source === 'trained' ? t('models.trainedHere') : t('models.loaded')} · {networkText(architectureOf(model.settings))}
            {model.metrics.testAccuracy !== undefined ? (
              <>
                {' '}
                · {t('models.testAccuracy')} <Figure text={pct(model.metrics.testAccuracy, 2)} />
              </>
            ) : null}
          </>
        ) : (
          t('models.none')
        )}
      </p>
      <form
        className="models__save"
        onSubmit={(e) => {
          e.preventDefault();
          void models.saveCurrentModel(name).then(() => setName(''));
        }}
      >
        <label htmlFor={nameId}>{t('models.nameLabel')}</label>
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
          {t('models.save')}
        </button>
        <button type="button" disabled={!model || busy} onClick={() => void models.downloadCurrentModel(name)}>
          {t('models.downloadCurrent')}
        </button>
      </form>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message${message.kind === 'error' ? ' message--error' : ''}`}>
          {message.text()}
        </p>
      ) : null}
      {!canStore ? (
        <p className="notice" role="note">
          {modelsNotKept()}
        </p>
      ) : saved.length > 0 ? (
        <ul className="models__list" aria-label={t('models.list')}>
          {saved.map((m) => (
            <Boundary
              key={m.id}
              fallback={(error) => (
                <ItemFailure
                  what={t('models.itemFailed', { id: m.id })}
                  error={error}
                  recover={{ label: t('models.removeItem'), run: () => models.deleteSavedModel(m.id) }}
                />
              )}
            >
              <SavedModelItem m={m} busy={busy} />
            </Boundary>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('models.noneSaved')}</p>
      )}
      {damaged.length > 0 ? <DamagedRecords list={damaged} what="model" onRemove={(key) => void models.deleteSavedModel(key)} /> : null}
      <label className="models__upload">
        {t('models.upload')}
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
      {busy ? <p className="muted">{t('models.waitForTraining')}</p> : null}
    </section>
  );
}
