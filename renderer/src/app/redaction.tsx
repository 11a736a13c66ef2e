import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useWorkspace } from './workspace';

interface RedactionValue {
  /** Mask PII (cards, SSNs, emails, phones, secrets) in all trace text shown. */
  readonly redacted: boolean;
  /** Findings of the scan of the open workspace; null until it has run. */
  readonly findings: number | null;
  setRedacted(on: boolean): void;
}

const RedactionContext = createContext<RedactionValue>({ redacted: false, findings: null, setRedacted: () => undefined });

/**
 * The redacted display mode. The open workspace is scanned for PII once; when
 * anything is found the mode starts on, until the user turns it off.
 */
export function RedactionProvider({ children }: { children: ReactNode }) {
  const { api, workspace } = useWorkspace();
  const [redacted, setRedacted] = useState(false);
  const [findings, setFindings] = useState<number | null>(null);
  const key = workspace.state === 'ok' ? `${workspace.value.title}|${workspace.value.rows.calls}` : '';
  useEffect(() => {
    if (!key) return;
    let current = true;
    void api.scanPii({}).then((result) => {
      if (!current || !result.ok) return;
      const total = Object.values(result.value.counts).reduce((n, c) => n + c, 0);
      setFindings(total);
      setRedacted(total > 0);
    });
    return () => {
      current = false;
    };
  }, [api, key]);
  return <RedactionContext.Provider value={{ redacted, findings, setRedacted }}>{children}</RedactionContext.Provider>;
}

export function useRedaction(): RedactionValue {
  return useContext(RedactionContext);
}

export function RedactionToggle() {
  const { redacted, findings, setRedacted } = useRedaction();
  return (
    <label className="redaction-toggle" title={findings === null ? 'Scanning for PII…' : `${findings} PII finding(s) in this workspace`}>
      <input type="checkbox" data-testid="redacted-mode" checked={redacted} onChange={(e) => setRedacted(e.target.checked)} />
      Redacted
    </label>
  );
}
