import { Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { HashRouter } from 'react-router';
import { UnionBooksDB } from '../db/database';
import { DexieStore } from '../db/dexie-store';
import { openMutator } from '../db/mutations';
import { FirstRunPage } from '../features/firstrun/FirstRunPage';
import { useUnion } from '../features/union/queries';
import { detectPlatform } from '../platform';
import { ServicesContext, type Services } from './services';
import { Shell } from './Shell';

export function App() {
  const [services, setServices] = useState<Services | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // StrictMode mounts twice in development: a closed database from the first mount must never reach the page.
    let cancelled = false;
    const db = new UnionBooksDB();
    openMutator(db)
      .then((mutator) => !cancelled && setServices({ db, mutator, store: new DexieStore(db, mutator), platform: detectPlatform() }))
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      db.close();
    };
  }, []);

  if (error) return <Result status="error" title="无法打开本地数据库" subTitle={error} />;
  if (!services) return <Spin fullscreen tip="正在打开账簿…" />;
  return (
    <ServicesContext.Provider value={services}>
      <HashRouter>
        <Root />
      </HashRouter>
    </ServicesContext.Provider>
  );
}

function Root() {
  const union = useUnion();
  if (union === undefined) return <Spin fullscreen tip="正在打开账簿…" />;
  return union ? <Shell union={union} /> : <FirstRunPage />;
}
