// A labelled form field whose help and error text are linked with aria-describedby, so they are
// read after the field's name instead of becoming part of it.
import { useId, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function Field(props: {
  label: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [props.error ? `${id}-err` : '', props.help ? `${id}-help` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(props.error ? { 'aria-invalid': true } : {}),
      })}
      {props.error && (
        <span id={`${id}-err`} className="field-error">
          {props.error}
        </span>
      )}
      {props.help && (
        <span id={`${id}-help`} className="field-help">
          {props.help}
        </span>
      )}
    </div>
  );
}
