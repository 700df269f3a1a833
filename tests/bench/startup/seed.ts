// Puts a demo book into the profile's IndexedDB before a cold start of the app is measured. Built
// apart from the app, so none of the app's own scripts is cached by the seeding.
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator } from '../../../renderer/src/db/mutations';
import { todayIso } from '../../../shared/clock/today';
import { generateDemoBook, SMALL_DEMO } from '../../../shared/demo/generator';

async function seed(): Promise<void> {
  const members = Number(new URLSearchParams(location.search).get('members') ?? SMALL_DEMO.members);
  const today = todayIso();
  const db = new UnionBooksDB();
  await db.open();
  const mutator = await openMutator(db);
  await mutator.replaceBook(generateDemoBook({ ...SMALL_DEMO, members, endMonth: today.slice(0, 7), today }));
  db.close();
}

seed().then(
  () => (document.title = 'seeded'),
  (e: unknown) => (document.title = `failed: ${e instanceof Error ? e.message : String(e)}`),
);
