import { createContext, useContext } from 'react';
import type { BookDatabase } from '../db/book-database';
import type { DexieStore } from '../db/dexie-store';
import type { Mutator } from '../db/mutations';
import type { Platform } from '../platform';

/**
 * What every page needs, provided once by App: the database (read), the book engine's store (every
 * write with rules goes through shared/engine with it), the mutator (plain writes) and the platform (files).
 */
export interface Services {
  db: BookDatabase;
  store: DexieStore;
  mutator: Mutator;
  platform: Platform;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}

/** The parts of the services that belong to one book's database. */
export type BookServices = Pick<Services, 'db' | 'store' | 'mutator'>;

/** Makes a book built by a replacement (features/backup/replace-book.ts) the book: names it and opens every page on it. */
export type SwitchBook = (next: BookServices) => Promise<void>;

export const SwitchBookContext = createContext<SwitchBook | null>(null);

export function useSwitchBook(): SwitchBook {
  const switchBook = useContext(SwitchBookContext);
  if (!switchBook) throw new Error('useSwitchBook outside SwitchBookContext');
  return switchBook;
}
