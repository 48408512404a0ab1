/**
 * One setting's field, whatever its kind in the settings table: a number, a
 * choice, an on/off switch or a list of layer widths. Its message shows at
 * the field; its hint under it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingField, SettingProblem } from '../../../shared/settings.ts';
import { choiceLabel, fieldHint, fieldLabel, problemText } from '../../settingsWords.ts';
import { DecimalInput } from '../DecimalInput.tsx';

interface Props {
  field: SettingField;
  value: string;
  problem?: SettingProblem;
  disabled?: boolean;
  onChange(text: string): void;
  /** Extra controls under the input (the learning-rate slider, the schedule preview). */
  children?: ReactNode;
}

export function SettingInput({ field, value, problem, disabled, onChange, children }: Props) {
  // Re-renders in the new language when it changes (the words come from settingsWords).
  useTranslation();
  const error = problem ? problemText(field.key, problem) : undefined;
  const label = fieldLabel(field.key);
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
          {(field.choices as readonly string[]).map((c) => (
            <option key={c} value={c}>
              {choiceLabel(field.key, c)}
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
          {input} {label}
        </label>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
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
        {fieldHint(field.key)}
      </p>
    </div>
  );
}
