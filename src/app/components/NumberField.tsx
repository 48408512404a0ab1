/** A labelled numeric field driven by the settings table, with its message at the field. */
import type { ReactNode } from 'react';
import type { SettingField } from '../../shared/settings.ts';
import { DecimalInput } from './DecimalInput.tsx';

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
      <DecimalInput id={id} value={value} error={error} disabled={disabled} onChange={onChange} />
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
