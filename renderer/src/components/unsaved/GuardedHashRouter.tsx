import { createContext, startTransition, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  NavigationType,
  parsePath,
  Router,
  UNSAFE_createHashHistory as createHashHistory,
  type Location,
  type Navigator,
  type To,
} from 'react-router';
import type { PlaceOf } from './leave-rule';

/** What decides whether a move may go ahead without asking, and asks when it may not. */
export interface LeaveGuard {
  /** Whether moving from what is shown to `next` would lose work. */
  blocks: (current: PlaceOf, next: PlaceOf) => boolean;
  /** Asks the person; resolves true to go on with the move. */
  confirm: () => Promise<boolean>;
}

const LeaveGuardContext = createContext<(guard: LeaveGuard | null) => void>(() => undefined);

/** Puts `guard` in charge of every move of the router above for as long as the caller is mounted. */
export function useLeaveGuard(guard: LeaveGuard): void {
  const setGuard = useContext(LeaveGuardContext);
  useEffect(() => {
    setGuard(guard);
    return () => setGuard(null);
  }, [setGuard, guard]);
}

function placeOf(to: To): PlaceOf {
  const path = typeof to === 'string' ? parsePath(to) : to;
  return { pathname: path.pathname ?? '/', search: path.search ?? '' };
}

/**
 * React Router's declarative HashRouter, with one addition: a move that would lose typed work waits
 * for the leave guard. HashRouter alone offers nothing to hold a move with, and the data router that
 * does (useBlocker) is a sizeable part of the start-up code. In-app moves (links, menus, navigate())
 * are held before they happen; the browser's back and forward, and a hash typed by hand, have already
 * happened when they are heard of, so they are undone first and done again if the person goes on.
 */
export function GuardedHashRouter({ children }: { children: ReactNode }) {
  const [history] = useState(() => createHashHistory({ v5Compat: true }));
  const [state, setState] = useState({ action: history.action, location: history.location });
  const shown = useRef<Location>(history.location);
  const guard = useRef<LeaveGuard | null>(null);
  // A question is open: further moves are dropped (in-app) or undone (back/forward) without a second one.
  const asking = useRef(false);
  // The back/forward move the person agreed to, done again: let through once.
  const passing = useRef(false);

  const [setGuard] = useState(() => (g: LeaveGuard | null) => void (guard.current = g));

  const [navigator] = useState<Navigator>(() => {
    const held =
      (move: Navigator['push']): Navigator['push'] =>
      (to, moveState, options) => {
        const g = guard.current;
        if (!g || !g.blocks(shown.current, placeOf(to))) return move(to, moveState, options);
        if (asking.current) return;
        asking.current = true;
        void g.confirm().then((go) => {
          asking.current = false;
          if (go) move(to, moveState, options);
        });
      };
    return {
      createHref: (to) => history.createHref(to),
      encodeLocation: (to) => history.encodeLocation(to),
      go: (delta) => history.go(delta),
      push: held((to, s) => history.push(to, s)),
      replace: held((to, s) => history.replace(to, s)),
    };
  });

  useLayoutEffect(
    () =>
      history.listen(({ action, location, delta }) => {
        const g = guard.current;
        const pop = action === NavigationType.Pop;
        if (pop && passing.current) passing.current = false;
        else if (pop && g && g.blocks(shown.current, location)) {
          const stay = shown.current;
          // Undo at once: the page and the address keep showing the work until the person has answered.
          // Without an index (a hash typed by hand) the entry is turned back into the one shown.
          if (delta) history.go(-delta);
          else history.replace(stay, stay.state);
          if (asking.current) return;
          asking.current = true;
          void g.confirm().then((go) => {
            asking.current = false;
            if (!go) return;
            if (delta) {
              passing.current = true;
              history.go(delta);
            } else history.push(location, location.state);
          });
          return;
        }
        shown.current = location;
        startTransition(() => setState({ action, location }));
      }),
    [history],
  );

  return (
    <LeaveGuardContext.Provider value={setGuard}>
      <Router location={state.location} navigationType={state.action} navigator={navigator}>
        {children}
      </Router>
    </LeaveGuardContext.Provider>
  );
}
