// The verification store in context (created once in main.tsx, before any screen mounts).
import { createContext, useContext, type ReactNode } from 'react';
import type { VerifyStore } from './verify-store';

const VerifyContext = createContext<VerifyStore | null>(null);

export function VerifyStoreProvider(props: { store: VerifyStore; children: ReactNode }) {
  return <VerifyContext.Provider value={props.store}>{props.children}</VerifyContext.Provider>;
}

export function useVerifyStore(): VerifyStore {
  const s = useContext(VerifyContext);
  if (!s) throw new Error('useVerifyStore outside VerifyStoreProvider');
  return s;
}
