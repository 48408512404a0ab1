/**
 * One setting's field, whatever its kind in the settings table: a number, a
 * choice, an on/off switch or a list of layer widths. Its message shows at
 * the field; its hint under it.
 */
import type { ReactNode } from 'react';
import type { SettingField } from '../../../shared/settings.ts';
import { DecimalInput } from '../DecimalInput.tsx';

interface Props {
  field: SettingField;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange(text: string): void;
  /** Extra controls under the input (the learning-rate slider, the schedule preview). */
  children?: ReactNode;
}

export function SettingInput({ field, value, error, disabled, onChange, children }: Props) {
  const id = `field-${field.key}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = error ? `${errorId} ${hintId}` : hintId;
  let input: ReactNode;
  switch (field.kind) {
    case 'number':
      input = <DecimalInput id={id} value={value} error={error} disabled={disabled} onChange={onChange} />;
      break;
    case 'layers':
      input = (
        <input
          id={id}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'toggle':
      input = (
        <input
          id={id}
          type="checkbox"
          checked={value === 'true'}
          disabled={disabled}
          aria-describedby={described}
          onChange={(e) => onChange(String(e.target.checked))}
        />
      );
      break;
    case 'choice':
      input = (
        <select id={id} value={value} disabled={disabled} aria-describedby={described} onChange={(e) => onChange(e.target.value)}>
          {(field.choices as ReadonlyArray<{ value: string; label: string }>).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
      break;
  }
  return (
    <div className={`field field--${field.kind}${error ? ' field--invalid' : ''}`}>
      {field.kind === 'toggle' ? (
        <label htmlFor={id} className="field__toggle">
          {input} {field.label}
        </label>
      ) : (
        <>
          <label htmlFor={id}>{field.label}</label>
          {input}
        </>
      )}
      {children}
      {error ? (
        <p id={errorId} role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <p id={hintId} className="field__hint">
        {field.hint}
      </p>
    </div>
  );
}
