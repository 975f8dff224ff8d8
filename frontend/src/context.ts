import type { ChainStructure, Region } from './api/types';
import type { AppState } from './state';

/** What every view gets: the URL state, the loaded chain, the chosen region, and a way to change the URL. */
export interface ViewContext {
  state: AppState;
  chain: ChainStructure | null;
  region: Region | null;
  regionIndex: import("./regionIndex").RegionIndex | null;
  navigate(change: Partial<Omit<AppState, 'params'>> & { params?: Record<string, string | null> | null }, replace?: boolean): void;
}

export interface MountedView {
  /** Called when only view parameters or the segment changed; absent → the view is mounted again. */
  update?(ctx: ViewContext): void;
  destroy?(): void;
}

export type ViewModule = (root: HTMLElement, ctx: ViewContext) => MountedView;
