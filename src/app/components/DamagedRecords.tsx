/**
 * Stored records that failed their schema: named if their name reads, with
 * the field that is wrong, and a Remove button. Their contents are never
 * shown: that is what could break the page.
 */
import type { DamagedRecord } from '../storage/idb.ts';

export interface DamagedRecordsProps {
  list: readonly DamagedRecord[];
  /** What one record is, for a nameless one and the button's name: "saved model", "run". */
  what: string;
  onRemove(key: IDBValidKey): void;
}

export function DamagedRecords({ list, what, onRemove }: DamagedRecordsProps) {
  return (
    <ul className="damaged" aria-label={`Damaged ${what}s`}>
      {list.map((d, i) => (
        <li key={i}>
          <span>
            <strong>{d.name ? `“${d.name}”` : `A ${what}`}</strong> is damaged and cannot be used: {d.reason}.
          </span>{' '}
          <button type="button" aria-label={`Remove damaged ${d.name ?? what}`} onClick={() => onRemove(d.key)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
