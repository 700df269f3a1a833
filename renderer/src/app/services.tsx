import { createContext, useContext } from 'react';
import type { UnionBooksDB } from '../db/database';
import type { Mutator } from '../db/mutations';
import type { Platform } from '../platform';

/** What every page needs, provided once by App: the database (read), the mutator (write) and the platform (files). */
export interface Services {
  db: UnionBooksDB;
  mutator: Mutator;
  platform: Platform;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
