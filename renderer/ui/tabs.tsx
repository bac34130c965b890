// WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, only the active tab is in the tab
// order, and each panel is labelled by its tab.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>(props: {
  id: string;
  label: string;
  tabs: readonly TabDef<K>[];
  active: K;
  onChange(k: K): void;
  /** every panel stays mounted (hidden when inactive), so switching tabs loses no state */
  panels: Record<K, ReactNode>;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const idx = props.tabs.findIndex((t) => t.key === props.active);
  const onKey = (e: KeyboardEvent) => {
    const n = props.tabs.length;
    const to =
      e.key === 'ArrowRight'
        ? (idx + 1) % n
        : e.key === 'ArrowLeft'
          ? (idx - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    props.onChange((props.tabs[to] as TabDef<K>).key);
    refs.current[to]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tablist" onKeyDown={onKey}>
        {props.tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${props.id}-tab-${t.key}`}
            aria-selected={t.key === props.active}
            aria-controls={`${props.id}-panel-${t.key}`}
            tabIndex={t.key === props.active ? 0 : -1}
            className="tab"
            onClick={() => props.onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {props.tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`${props.id}-panel-${t.key}`}
          aria-labelledby={`${props.id}-tab-${t.key}`}
          className="tabpanel"
          hidden={t.key !== props.active}
        >
          {props.panels[t.key]}
        </div>
      ))}
    </div>
  );
}
