/**
 * Stored records that failed their schema: named if their name reads, with
 * the field that is wrong, and a Remove button. Their contents are never
 * shown: that is what could break the page.
 */
import { useTranslation } from 'react-i18next';
import type { DamagedRecord } from '../storage/idb.ts';

/** Which store the records come from, as the callers name it; the catalogue words each. */
const KIND = { 'saved model': 'model', run: 'run' } as const;

export interface DamagedRecordsProps {
  list: readonly DamagedRecord[];
  /** What one record is: "saved model" or "run". */
  what: keyof typeof KIND;
  onRemove(key: IDBValidKey): void;
}

export function DamagedRecords({ list, what, onRemove }: DamagedRecordsProps) {
  const { t } = useTranslation();
  const kind = KIND[what];
  return (
    <ul className="damaged" aria-label={t(`app.damaged.${kind}.list`)}>
      {list.map((d, i) => (
        <li key={i}>
          <span>
            <strong>{d.name ? t('app.damaged.named', { name: d.name }) : t(`app.damaged.${kind}.nameless`)}</strong>{' '}
            {t('app.damaged.isDamaged', { reason: d.reason })}
          </span>{' '}
          <button
            type="button"
            aria-label={d.name ? t(`app.damaged.${kind}.remove`, { name: d.name }) : t(`app.damaged.${kind}.removeNameless`)}
            onClick={() => onRemove(d.key)}
          >
            {t('app.damaged.removeButton')}
          </button>
        </li>
      ))}
    </ul>
  );
}
