// The answers a preset asks for: the server (self-hosted kinds), the org or group, the protocol,
// fingerprints for ssh to a self-hosted server, and a module to verify the result with.
import { Field } from '../../ui/field';
import { presetFields } from './preset-fields';

export interface PresetAnswers {
  url: string;
  org: string;
  protocol: 'https' | 'ssh';
  testModule: string;
  /** whitespace-separated SHA256:… */
  fingerprints: string;
}

export function PresetForm(props: {
  name: string;
  description?: string;
  answers: PresetAnswers;
  onChange(a: PresetAnswers): void;
}) {
  const f = presetFields(props.name);
  const a = props.answers;
  const set = (patch: Partial<PresetAnswers>) => props.onChange({ ...a, ...patch });
  return (
    <div className="preset-form">
      {props.description && <p className="muted small">{props.description}</p>}
      <div className="form-grid">
        {f.url && (
          <Field label="Server address" help="The https address of the server's web page.">
            {(c) => (
              <input
                {...c}
                type="url"
                value={a.url}
                onChange={(e) => set({ url: e.target.value })}
                placeholder="https://git.example.com"
                spellCheck={false}
                required
              />
            )}
          </Field>
        )}
        <Field
          label={f.orgRequired ? 'Organisation or group' : 'Organisation or group (optional)'}
          help="Only modules under it become private."
        >
          {(c) => (
            <input
              {...c}
              value={a.org}
              onChange={(e) => set({ org: e.target.value })}
              placeholder={f.orgRequired ? 'acme' : 'leave empty for the whole server'}
              spellCheck={false}
              required={f.orgRequired}
            />
          )}
        </Field>
        <fieldset className="field radio-row">
          <legend>Fetch over</legend>
          <label className="check">
            <input
              type="radio"
              name="protocol"
              checked={a.protocol === 'https'}
              onChange={() => set({ protocol: 'https' })}
            />
            <span>HTTPS with a token</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="protocol"
              checked={a.protocol === 'ssh'}
              onChange={() => set({ protocol: 'ssh' })}
            />
            <span>SSH with a key</span>
          </label>
        </fieldset>
        <Field
          label="A module to check the result with"
          help="module or module@version; the last step downloads it with go."
        >
          {(c) => (
            <input
              {...c}
              value={a.testModule}
              onChange={(e) => set({ testModule: e.target.value })}
              placeholder="git.example.com/acme/lib@v1.2.0"
              spellCheck={false}
            />
          )}
        </Field>
        {a.protocol === 'ssh' && f.fingerprints && (
          <Field
            label="SSH host key fingerprints"
            help="SHA256:… as your admin publishes them; Onramp never trusts a host key on first use."
          >
            {(c) => (
              <textarea
                {...c}
                rows={2}
                value={a.fingerprints}
                onChange={(e) => set({ fingerprints: e.target.value })}
                placeholder="SHA256:…"
                spellCheck={false}
                required
              />
            )}
          </Field>
        )}
      </div>
    </div>
  );
}
