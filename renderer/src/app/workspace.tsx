import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { ApiWithEvents } from '../../../shared/api/contract';
import type { WorkspaceInfo } from '../../../shared/api/methods/explore';
import { getApi } from '../api/client';
import type { Loadable } from './use-api-result';

interface WorkspaceContextValue {
  readonly api: ApiWithEvents;
  readonly workspace: Loadable<WorkspaceInfo>;
  /** Reloads the workspace info (after opening sources). */
  readonly refresh: () => void;
  /** Bumped whenever a workspace opens: the shell remounts the view, so its queries run on the new data. */
  readonly version: number;
}

const WorkspaceContext = createContext<WorkspaceContextValue | undefined>(undefined);

/** The API client and the open workspace, for every view. */
export function WorkspaceProvider({ children, api = getApi() }: { children: ReactNode; api?: ApiWithEvents }) {
  const [workspace, setWorkspace] = useState<Loadable<WorkspaceInfo>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => {
    api.workspaceInfo({}).then((result) => setWorkspace(result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error }));
  }, [api]);
  useEffect(() => {
    refresh();
    return api.onEvent((event) => {
      if (event.type !== 'workspaceOpened') return;
      setVersion((v) => v + 1);
      refresh();
    });
  }, [api, refresh]);
  return <WorkspaceContext.Provider value={{ api, workspace, refresh, version }}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/** The typed API client. */
export function useApi(): ApiWithEvents {
  return useWorkspace().api;
}
