// Progress text for anything slower than 300 ms: shorter waits show nothing (a flash of
// "Loading…" reads as jank), longer ones say what is happening, politely announced.
import { useEffect, useState, type ReactNode } from 'react';

export function useDelayed(active: boolean, ms = 300): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(t);
  }, [active, ms]);
  return shown;
}

export function Busy(props: { active: boolean; children: ReactNode; inline?: boolean }) {
  const shown = useDelayed(props.active);
  return (
    <div className={`busy${props.inline ? ' inline' : ''}`} role="status" aria-live="polite">
      {shown && (
        <>
          <span className="spinner" aria-hidden="true" />
          <span>{props.children}</span>
        </>
      )}
    </div>
  );
}
