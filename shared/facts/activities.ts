import { ACTIVITY_CATEGORIES } from '../activities/categories';
import { personTimes as activityPersonTimes } from '../activities/summary';
import { live, type BookTables } from '../model/book';
import type { Activity, Attachment, IsoDate } from '../model/records';
import type { ActivityCategoryFacts, ActivityFacts, ActivityPhoto, PlannedActivity } from './types';

/**
 * Categories whose single activity still gets a heading: a 职代会 or a study session is a piece of
 * work a summary reports on its own, while one outing or one talk reads better in a shared paragraph.
 */
const ALWAYS_OWN_HEADING = new Set(['政治学习/主题教育', '职代会/厂务公开', '劳动和技能竞赛']);

/**
 * Activities of the year as of the counting day: those held by then (not plans) by category in the
 * usual order; those dated later are plans. Categories with none are left out.
 */
export function activityFacts(book: Pick<BookTables, 'activities' | 'attachments'>, year: number, asOf: IsoDate): ActivityFacts {
  const prefix = `${year}-`;
  const attachments = new Map(live(book.attachments).map((a) => [a.id, a]));
  const ofYear = live(book.activities)
    .filter((a) => a.startDate.startsWith(prefix))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title, 'zh')));
  const held = ofYear.filter((a) => a.startDate <= asOf && !a.planned);
  const planned: PlannedActivity[] = ofYear
    .filter((a) => a.startDate > asOf)
    .map((a) => ({ date: a.startDate, title: a.title, category: a.category || '其他', place: a.place }));

  const byCategory = new Map<string, ActivityCategoryFacts>();
  const allPhotos: ActivityPhoto[] = [];
  for (const a of held) {
    const name = a.category || '其他';
    let cat = byCategory.get(name);
    if (!cat) {
      cat = { name, count: 0, personTimes: 0, minor: false, items: [] };
      byCategory.set(name, cat);
    }
    const personTimes = activityPersonTimes(a);
    const photos = a.photoIds
      .map((id) => attachments.get(id))
      .filter((p) => p !== undefined)
      .map((p) => ({ attachmentId: p.id, caption: photoCaption(p, a) }));
    cat.count++;
    cat.personTimes += personTimes;
    cat.items.push({
      date: a.startDate,
      endDate: a.endDate || a.startDate,
      title: a.title,
      place: a.place,
      personTimes,
      description: a.description.trim(),
      photos,
    });
    allPhotos.push(...photos);
  }
  const order = (name: string) => {
    const i = (ACTIVITY_CATEGORIES as readonly string[]).indexOf(name);
    return i < 0 ? ACTIVITY_CATEGORIES.length : i;
  };
  const categories = [...byCategory.values()].sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name, 'zh'));
  for (const c of categories) c.minor = c.count === 1 && !ALWAYS_OWN_HEADING.has(c.name);
  return {
    count: held.length,
    personTimes: categories.reduce((s, c) => s + c.personTimes, 0),
    photoCount: allPhotos.length,
    categories,
    majorCount: categories.filter((c) => !c.minor).length,
    minorCount: categories.filter((c) => c.minor).length,
    photos: allPhotos,
    planned,
  };
}

/**
 * A photo's caption as a document prints it: the caption the user wrote, else the activity's title.
 * A caption that is only the file's name (IMG_0412, activity-photo) says nothing to a reader.
 */
export function photoCaption(photo: Pick<Attachment, 'caption' | 'name'>, activity: Pick<Activity, 'title'>): string {
  const caption = photo.caption.trim();
  const stem = photo.name.replace(/\.[A-Za-z0-9]+$/, '').trim();
  const fileLike = caption === '' || caption === stem || caption === photo.name || /^[\w.-]+$/.test(caption);
  return fileLike ? activity.title : caption;
}
