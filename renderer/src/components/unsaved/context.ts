import { createContext } from 'react';

/** What the person chose when asked about unsaved changes. */
export type UnsavedChoice = 'save' | 'discard' | 'stay';

/** One place holding typed, unsaved work: a drawer, a modal or a page form. */
export interface UnsavedEntry {
  isDirty: () => boolean;
  /** Saves the work; resolves false when it could not be saved (a field is missing, a rule refused it). */
  save?: () => Promise<boolean>;
}

export interface UnsavedApi {
  /** Registers a place with unsaved work for route changes and window close; returns the unregister. */
  register: (entry: UnsavedEntry) => () => void;
  /** Asks 保存 / 放弃 / 继续编辑; without a save action only 放弃 / 继续编辑 are offered. */
  ask: (canSave: boolean) => Promise<UnsavedChoice>;
}

export const UnsavedContext = createContext<UnsavedApi | null>(null);
