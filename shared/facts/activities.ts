import { ACTIVITY_CATEGORIES } from '../activities/categories';
import { live, type BookTables } from '../model/book';
import { personTimes as activityPersonTimes } from '../activities/summary';
import type { ActivityCategoryFacts, ActivityFacts, ActivityPhoto } from './types';

/** Activities that start in the year, by category in the usual order; categories with none are left out. */
export function activityFacts(book: Pick<BookTables, 'activities' | 'attachments'>, year: number): ActivityFacts {
  const prefix = `${year}-`;
  const attachments = new Map(live(book.attachments).map((a) => [a.id, a]));
  const inYear = live(book.activities)
    .filter((a) => a.startDate.startsWith(prefix))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title, 'zh')));
  const byCategory = new Map<string, ActivityCategoryFacts>();
  const allPhotos: ActivityPhoto[] = [];
  for (const a of inYear) {
    const name = a.category || '其他';
    let cat = byCategory.get(name);
    if (!cat) {
      cat = { name, count: 0, personTimes: 0, items: [] };
      byCategory.set(name, cat);
    }
    const personTimes = activityPersonTimes(a);
    const photos = a.photoIds
      .map((id) => attachments.get(id))
      .filter((p) => p !== undefined)
      .map((p) => ({ attachmentId: p.id, caption: p.caption || a.title }));
    cat.count++;
    cat.personTimes += personTimes;
    cat.items.push({ date: a.startDate, endDate: a.endDate || a.startDate, title: a.title, place: a.place, personTimes, photos });
    allPhotos.push(...photos);
  }
  const order = (name: string) => {
    const i = (ACTIVITY_CATEGORIES as readonly string[]).indexOf(name);
    return i < 0 ? ACTIVITY_CATEGORIES.length : i;
  };
  const categories = [...byCategory.values()].sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name, 'zh'));
  return {
    count: inYear.length,
    personTimes: categories.reduce((s, c) => s + c.personTimes, 0),
    photoCount: allPhotos.length,
    categories,
    photos: allPhotos,
  };
}
