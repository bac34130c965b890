// Step 1: a built-in preset (profile.presets) with the few answers only the person knows, or a
// team profile from a link, a file or pasted text. Either way profile.open answers with a
// handle the later steps use; a deep link (onramp://import?url=…) arrives here pre-filled.
import { useState, type FormEvent } from 'react';
import type { Input } from '../../../main/common/contract';
import type { ProfileOpenView } from '../../../main/common/contract-views';
import { useLoad, useRemote } from '../../app/use-remote';
import { Busy } from '../../ui/busy';
import { ErrorPanel } from '../../ui/error-panel';
import { PresetForm, type PresetAnswers } from './preset-form';
import { ImportForm, type ImportSource } from './import-form';

export function StepSource(props: { importUrl?: string; onDone(p: ProfileOpenView): void }) {
  const presets = useLoad('profile.presets', {});
  const open = useRemote('profile.open');
  const [choice, setChoice] = useState<string>(props.importUrl ? 'import' : 'generic');
  const [answers, setAnswers] = useState<PresetAnswers>({
    url: '',
    org: '',
    protocol: 'https',
    testModule: '',
    fingerprints: '',
  });
  const [source, setSource] = useState<ImportSource>({ kind: 'link', value: props.importUrl ?? '' });
  const list = presets.remote.state === 'ok' ? presets.remote.value.presets : [];

  const request = (): Input<'profile.open'> => {
    if (choice !== 'import') {
      const fps = answers.fingerprints.split(/\s+/).filter(Boolean);
      return {
        preset: {
          name: choice,
          ...(answers.url.trim() ? { url: answers.url.trim() } : {}),
          ...(answers.org.trim() ? { org: answers.org.trim() } : {}),
          protocol: answers.protocol,
          ...(fps.length ? { sshFingerprints: fps } : {}),
          ...(answers.testModule.trim() ? { testModule: answers.testModule.trim() } : {}),
        },
      };
    }
    if (source.kind === 'link') return { source: source.value.trim() };
    return { text: { text: source.value, fileName: source.fileName ?? 'pasted profile' } };
  };
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const r = await open.run(request());
    if (r.ok) props.onDone(r.value);
  };

  return (
    <form onSubmit={submit} className="wizard-form" aria-label="Choose how to start">
      <Busy active={presets.remote.state === 'loading'}>Loading the presets…</Busy>
      {presets.remote.state === 'error' && (
        <ErrorPanel
          error={presets.remote.error}
          context="Loading the presets"
          onRetry={() => void presets.reload()}
        />
      )}
      <fieldset className="choice-grid">
        <legend>Where do your private modules live?</legend>
        {list.map((x) => (
          <label
            key={x.name}
            className={`choice-card${choice === x.name ? ' selected' : ''}`}
            title={x.description}
          >
            <input
              type="radio"
              name="preset"
              value={x.name}
              checked={choice === x.name}
              onChange={() => setChoice(x.name)}
            />
            <span className="choice-title">{x.title}</span>
          </label>
        ))}
        <label className={`choice-card${choice === 'import' ? ' selected' : ''}`}>
          <input
            type="radio"
            name="preset"
            value="import"
            checked={choice === 'import'}
            onChange={() => setChoice('import')}
          />
          <span className="choice-title">Import a team profile</span>
        </label>
      </fieldset>
      {choice === 'import' ? (
        <ImportForm source={source} onChange={setSource} />
      ) : (
        <PresetForm
          name={choice}
          description={list.find((x) => x.name === choice)?.description}
          answers={answers}
          onChange={setAnswers}
        />
      )}
      <Busy active={open.remote.state === 'loading'}>Opening the profile and checking its signature…</Busy>
      {open.remote.state === 'error' && (
        <ErrorPanel error={open.remote.error} context="Opening the profile" onRetry={() => void submit()} />
      )}
      <div className="wizard-nav">
        <button
          type="submit"
          className="btn primary"
          disabled={open.remote.state === 'loading' || list.length === 0}
        >
          Next: review
        </button>
      </div>
    </form>
  );
}
