// Copy buttons for every command and path. The clipboard API needs a secure context (loopback
// and file:// are); the textarea fallback covers an embedding that denies the permission.
import { useEffect, useRef, useState } from 'react';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

function CopyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M5 1.5A1.5 1.5 0 0 1 6.5 0h7A1.5 1.5 0 0 1 15 1.5v7a1.5 1.5 0 0 1-1.5 1.5H11v-1.5h2.5v-7h-7V4H5zM1 6.5A1.5 1.5 0 0 1 2.5 5h7A1.5 1.5 0 0 1 11 6.5v7A1.5 1.5 0 0 1 9.5 15h-7A1.5 1.5 0 0 1 1 13.5zm1.5 0v7h7v-7z"
      />
    </svg>
  );
}

export function CopyButton(props: { text: string; label?: string; compact?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const what = props.label ?? 'text';
  const onClick = async () => {
    setState((await writeClipboard(props.text)) ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1600);
  };
  return (
    <button
      type="button"
      className={`copy-btn${props.compact ? ' compact' : ''}`}
      onClick={onClick}
      aria-label={`Copy ${what}`}
      title={`Copy ${what}`}
    >
      {state === 'copied' ? <span aria-hidden="true">✓</span> : <CopyIcon />}
      {!props.compact && (
        <span>{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
      )}
      <span className="sr-only" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </button>
  );
}

/** A command or path in monospace with its copy button. */
export function CodeLine(props: { text: string; label?: string; className?: string }) {
  return (
    <span className={`code-line ${props.className ?? ''}`}>
      <code>{props.text}</code>
      <CopyButton text={props.text} label={props.label ?? props.text} compact />
    </span>
  );
}

/** A multi-line block (steps, evidence) with one copy button for all of it. */
export function CodeBlock(props: { lines: string[]; label: string; highlight?: boolean }) {
  const text = props.lines.join('\n');
  return (
    <div className={`code-block${props.highlight ? ' highlight' : ''}`}>
      <CopyButton text={text} label={props.label} compact />
      <pre tabIndex={0} aria-label={props.label}>
        {props.lines.map((l, i) => (
          <span key={i} className="code-block-line">
            {l}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}
