// Redaction for a terminal stream. Output arrives in arbitrary chunks, so a secret can be split
// across two of them; holding back whole lines (lineRedactor) would freeze an interactive shell
// whose prompt never ends in a newline. Instead:
// - a chunk's tail that is the start of a known secret is held back until the next chunk shows
//   whether the secret completes (typing is echoed one key at a time, so this is common);
// - matches are searched in the already-sent tail plus the new text, so a secret whose first
//   characters were released by the idle timer is still masked from there on;
// - a partial match shorter than SHORT_HOLD is released when output goes idle (the caller's
//   timer calls release()), so the shell never stalls on a character that happens to start a
//   secret; a longer one waits for the next output, because it is likely the secret. So at
//   most SHORT_HOLD-1 leading characters of a secret can show, never the secret.
// The shape rules of redactSecrets (URL userinfo, Authorization headers, …) then run on each
// released piece; they see one chunk at a time, which is why the transcript is redacted by whole
// lines as well.
import { MASK, redactSecrets } from '../common/redact';

const SHORT_HOLD = 4;

export interface StreamRedactor {
  /** redacted text to send now (may be '') */
  push(chunk: string): string;
  /** held-back text, if short enough to release on idle (or everything, with force) */
  release(force?: boolean): string;
  /** characters currently held back */
  readonly held: number;
}

/** Length of the longest suffix of text that is a proper prefix of some secret. */
function partialTail(text: string, secrets: readonly string[]): number {
  let best = 0;
  for (const s of secrets) {
    const first = s[0];
    if (first === undefined) continue;
    // Candidates start where the secret's first character occurs near the end; the first such
    // position that matches gives this secret's longest partial match.
    for (let i = text.indexOf(first, Math.max(0, text.length - s.length + 1)); i !== -1;) {
      const n = text.length - i;
      if (n > best && s.startsWith(text.slice(i))) {
        best = n;
        break;
      }
      i = text.indexOf(first, i + 1);
    }
  }
  return best;
}

export function streamRedactor(secrets: readonly string[]): StreamRedactor {
  /** raw text already sent, kept only as long as the longest secret */
  let sent = '';
  let held = '';
  /** length of the secret prefix the stream currently ends with (sent and held together) */
  let partial = 0;

  /** Mask every secret occurrence that reaches into `fresh` (sent + fresh is searched). */
  const mask = (fresh: string): string => {
    if (secrets.length === 0 || fresh === '') return fresh;
    const all = sent + fresh;
    const offset = sent.length;
    const hidden = new Uint8Array(fresh.length);
    // Longest first so a secret containing another is masked whole.
    for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
      for (let i = all.indexOf(s); i !== -1; i = all.indexOf(s, i + 1)) {
        const end = i + s.length;
        if (end <= offset) continue;
        for (let k = Math.max(i, offset); k < end; k++) hidden[k - offset] = 1;
      }
    }
    let out = '';
    for (let k = 0; k < fresh.length; k++) {
      if (!hidden[k]) out += fresh[k];
      else if (k === 0 || !hidden[k - 1]) out += MASK;
    }
    return out;
  };

  const emit = (raw: string): string => {
    if (raw === '') return '';
    const out = redactSecrets(mask(raw));
    const keep = secrets.reduce((m, s) => Math.max(m, s.length), 0);
    sent = keep === 0 ? '' : (sent + raw).slice(-keep);
    return out;
  };

  return {
    push(chunk) {
      const text = held + chunk;
      // The partial match may have started in text already sent (released by the idle timer).
      partial = partialTail(sent + text, secrets);
      const keep = Math.min(partial, text.length);
      held = text.slice(text.length - keep);
      return emit(text.slice(0, text.length - keep));
    },
    release(force = false) {
      if (held === '') return '';
      if (partial >= SHORT_HOLD) {
        if (!force) return '';
        // The stream is ending on what looks like the start of a secret: show the mask, not it.
        held = '';
        partial = 0;
        return MASK;
      }
      const out = held;
      held = '';
      partial = 0;
      return emit(out);
    },
    get held() {
      return held.length;
    },
  };
}
