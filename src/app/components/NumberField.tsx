/** A labelled numeric field driven by the settings table, with its message at the field. */
import type { ReactNode } from 'react';
import type { SettingField } from '../../shared/settings.ts';

interface Props {
  field: Extract<SettingField, { kind: 'number' }>;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange(text: string): void;
  /** Extra control under the input (the learning-rate slider). */
  children?: ReactNode;
}

export function NumberField({ field, value, error, disabled, onChange, children }: Props) {
  const id = `field-${field.key}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(e) => onChange(e.target.value)}
      />
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
