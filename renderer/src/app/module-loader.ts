/** An import run once: the same promise on every call, and the module itself once it is in. */
export interface ModuleLoader<M> {
  (): Promise<M>;
  /** The module once its import has succeeded; undefined before (a lazy component then renders it at once). */
  loaded(): M | undefined;
}

/** `load` run at most once at a time; a failed import is not remembered, so the next call tries again. */
export function moduleLoader<M>(load: () => Promise<M>): ModuleLoader<M> {
  let loading: Promise<M> | null = null;
  let module: M | undefined;
  const get = () =>
    (loading ??= load().then(
      (m) => (module = m),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return Object.assign(get, { loaded: () => module });
}
