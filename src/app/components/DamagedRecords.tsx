/**
 * Stored records that failed their schema: named if their name reads, with
 * the field that is wrong, and a Remove button. Their contents are never
 * shown: that is what could break the page.
 */
import { useTranslation } from 'react-i18next';
import { readProblemText } from '../fileWords.ts';
import type { DamagedRecord } from '../storage/idb.ts';

export interface DamagedRecordsProps {
  list: readonly DamagedRecord[];
  /** What one record is: a saved model or a run. */
  what: 'model' | 'run';
  onRemove(key: IDBValidKey): void;
}

export function DamagedRecords({ list, what, onRemove }: DamagedRecordsProps) {
  const { t } = useTranslation();
  const model = what === 'model';
  return (
    <ul className="damaged" aria-label={t(model ? 'models.damaged.models' : 'models.damaged.runs')}>
      {list.map((d, i) => (
        <li key={i}>
          <span>
            <strong>{d.name ? t('models.damaged.named', { name: d.name }) : t(model ? 'models.damaged.aModel' : 'models.damaged.aRun')}</strong>
            {t('models.damaged.isDamaged', { reason: readProblemText(d.reason) })}
          </span>{' '}
          <button
            type="button"
            aria-label={d.name ? t('models.damaged.removeNamed', { name: d.name }) : t(model ? 'models.damaged.removeModel' : 'models.damaged.removeRun')}
            onClick={() => onRemove(d.key)}
          >
            {t('models.damaged.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
