import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page loaded on first visit; `preload` fetches and runs its code ahead of time (the same promise either way). */
export interface LazyPage {
  Page: LazyExoticComponent<ComponentType>;
  preload: () => Promise<unknown>;
}

export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loading: Promise<{ default: ComponentType }> | null = null;
  const once = () =>
    (loading ??= load().then(
      (m) => ({ default: pick(m) }),
      (error: unknown) => {
        // A failed load is not remembered: the next visit tries again.
        loading = null;
        throw error;
      },
    ));
  return { Page: lazy(once), preload: once };
}
