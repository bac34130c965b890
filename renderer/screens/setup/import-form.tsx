// A team profile from a link (https, or the URL inside an onramp:// deep link), a file on this
// machine, or pasted text. A chosen file is read here and sent as text, so browser mode works
// the same as the desktop app.
import { Field } from '../../ui/field';

export type ImportSource = { kind: 'link' | 'text'; value: string; fileName?: string };

export function ImportForm(props: { source: ImportSource; onChange(s: ImportSource): void }) {
  const s = props.source;
  const readFile = async (file: File | undefined) => {
    if (file) props.onChange({ kind: 'text', value: await file.text(), fileName: file.name });
  };
  return (
    <div className="import-form">
      <fieldset className="field radio-row">
        <legend>The profile comes from</legend>
        <label className="check">
          <input
            type="radio"
            name="import-kind"
            checked={s.kind === 'link'}
            onChange={() => props.onChange({ kind: 'link', value: '' })}
          />
          <span>A link or a path</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name="import-kind"
            checked={s.kind === 'text'}
            onChange={() => props.onChange({ kind: 'text', value: '' })}
          />
          <span>A file, or pasted text</span>
        </label>
      </fieldset>
      {s.kind === 'link' ? (
        <Field
          label="Profile link or file path"
          help="https://…, onramp://import?url=…, or a path on this machine. Signed profiles are checked."
        >
          {(c) => (
            <input
              {...c}
              value={s.value}
              onChange={(e) => props.onChange({ kind: 'link', value: e.target.value })}
              placeholder="https://example.com/onramp-profile.json"
              spellCheck={false}
              required
            />
          )}
        </Field>
      ) : (
        <>
          <Field label="Profile file">
            {(c) => (
              <input
                {...c}
                type="file"
                accept=".json,.yaml,.yml,.toml,application/json,text/*"
                onChange={(e) => void readFile(e.target.files?.[0])}
              />
            )}
          </Field>
          <Field label="Or paste the profile" help={s.fileName ? `Read from ${s.fileName}.` : undefined}>
            {(c) => (
              <textarea
                {...c}
                rows={8}
                value={s.value}
                onChange={(e) => props.onChange({ kind: 'text', value: e.target.value })}
                spellCheck={false}
                required
              />
            )}
          </Field>
        </>
      )}
    </div>
  );
}
