import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { moduleLoader, type ModuleLoader } from './module-loader';

/** A page loaded on first visit; `preload` fetches and runs its code ahead of time (the same promise either way). */
export interface LazyPage {
  Page: LazyExoticComponent<ComponentType>;
  preload: () => Promise<unknown>;
}

/**
 * `React.lazy` over a loader, rendering at once when the code is already in. A lazy component
 * suspends on its first render even when its module has arrived (React learns so a microtask
 * later), and React then holds a boundary that showed its fallback for 300 ms after it did (its
 * fallback throttle): the first screen, whose code is fetched while the book opens, paid that twice.
 * A thenable that answers at once lets React render the module in the same pass.
 */
export function lazyComponent<M, P extends object>(
  load: ModuleLoader<M>,
  pick: (module: M) => ComponentType<P>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => {
    const module = load.loaded();
    if (module === undefined) return load().then((m) => ({ default: pick(m) }));
    const settled = { then: (done: (value: { default: ComponentType<P> }) => void) => done({ default: pick(module) }) };
    return settled as unknown as Promise<{ default: ComponentType<P> }>;
  });
}

export function lazyPage<M>(load: ModuleLoader<M> | (() => Promise<M>), pick: (module: M) => ComponentType): LazyPage {
  const loader = 'loaded' in load ? load : moduleLoader(load);
  return { Page: lazyComponent(loader, pick), preload: loader };
}
