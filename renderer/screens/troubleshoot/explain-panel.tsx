// Paste what go, git or ssh printed → explain.text → the root cause first, its evidence lines
// highlighted in the pasted output, then the alternatives. Fixes plan against this machine.
import { useMemo, useState, type FormEvent } from 'react';
import { useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { Field } from '../../ui/field';
import { CauseView } from './cause-view';
import type { Applied } from './fix-flow';

const sample = `go: git.example.com/team/lib@v1.2.0: reading https://proxy.golang.org/git.example.com/team/lib/@v/v1.2.0.mod: 404 Not Found
\tserver response: not found: git.example.com/team/lib@v1.2.0: invalid version: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/0f1e: exit status 128:
\tfatal: could not read Username for 'https://git.example.com': terminal prompts disabled`;

function HighlightedInput({ text, evidence }: { text: string; evidence: string[] }) {
  const marks = useMemo(() => new Set(evidence.map((e) => e.trim())), [evidence]);
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <pre className="pasted" tabIndex={0} aria-label="Your output with the evidence lines highlighted">
      {lines.map((l, i) =>
        marks.has(l.trim()) ? (
          <mark key={i} className="evidence-line">
            {l}
            {'\n'}
          </mark>
        ) : (
          <span key={i}>
            {l}
            {'\n'}
          </span>
        ),
      )}
    </pre>
  );
}

export function ExplainPanel(props: { onApplied(a: Applied): void }) {
  const [text, setText] = useState('');
  const [useMachine, setUseMachine] = useState(true);
  const [explained, setExplained] = useState('');
  const explain = useRemote('explain.text');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) return;
    setExplained(text);
    void explain.run({ text, useMachine });
  };
  const result = explain.remote.state === 'ok' ? explain.remote.value : undefined;
  const evidence = result?.causes[0]?.evidence ?? [];
  return (
    <div className="explain">
      <form onSubmit={submit} aria-label="Explain an error">
        <Field
          label="Paste the output of go, git or ssh"
          help="Secrets in the text are redacted before anything is shown. Ctrl+Enter explains."
        >
          {(c) => (
            <textarea
              {...c}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={8}
              spellCheck={false}
              placeholder={sample}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
              }}
            />
          )}
        </Field>
        <div className="button-row">
          <button
            type="submit"
            className="btn primary"
            disabled={!text.trim() || explain.remote.state === 'loading'}
          >
            Explain
          </button>
          <label className="check">
            <input type="checkbox" checked={useMachine} onChange={(e) => setUseMachine(e.target.checked)} />
            <span>Use this machine's settings as context</span>
          </label>
          {!text && (
            <button type="button" className="btn ghost" onClick={() => setText(sample)}>
              Paste an example
            </button>
          )}
        </div>
      </form>
      <Busy active={explain.remote.state === 'loading'}>Reading the output and this machine's settings…</Busy>
      {explain.remote.state === 'error' && (
        <ErrorPanel error={explain.remote.error} context="Explaining the output" onRetry={() => submit()} />
      )}
      {result && result.causes.length === 0 && (
        <div className="callout warning" role="status">
          <p>
            <strong>No known cause in this text.</strong> Paste the full output (from the <code>go</code>{' '}
            command line down), or run the doctor, which checks the machine directly.
          </p>
        </div>
      )}
      {result && result.causes.length > 0 && (
        <div className="causes" data-testid="causes">
          {result.causes.map((c, i) => (
            <CauseView key={`${c.id}-${i}`} cause={c} rank={i} onApplied={props.onApplied} />
          ))}
          <details className="more">
            <summary>Your output, evidence highlighted</summary>
            <HighlightedInput text={explained} evidence={evidence} />
          </details>
        </div>
      )}
    </div>
  );
}
