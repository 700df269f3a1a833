import type { BookBuilder } from '../book/builder';
import { ACTIVITY_CALENDAR } from './calendar';
import { demoPhoto } from './photo';
import type { SeededRandom } from './random';

/**
 * Photos on some of the year's activities, as a chair uploads them: the big events first, a caption
 * where the calendar has one (a photo without one is printed with the activity's title).
 */
export function attachPhotos(builder: BookBuilder, rnd: SeededRandom, year: number, count: number): void {
  const captions = new Map(ACTIVITY_CALENDAR.map((t) => [t.title, t.caption]));
  const held = builder.book.activities
    .filter((a) => a.startDate.startsWith(String(year)) && !a.planned)
    .sort(
      (a, b) =>
        Math.max(b.headCount, b.participantIds.length) - Math.max(a.headCount, a.participantIds.length) ||
        a.startDate.localeCompare(b.startDate),
    );
  const withCaption = held.filter((a) => captions.get(a.title));
  const order = [...withCaption, ...held.filter((a) => !captions.get(a.title))];
  for (let i = 0; i < count && order.length > 0; i++) {
    const activity = order[i % order.length]!;
    const data = demoPhoto(rnd);
    const photo = builder.insert('attachments', {
      name: `IMG_${activity.startDate.replace(/-/g, '')}_${String(i + 1).padStart(3, '0')}.png`,
      mimeType: 'image/png',
      size: data.length,
      data,
      caption: activity.photoIds.length === 0 ? (captions.get(activity.title) ?? '') : '',
    });
    activity.photoIds.push(photo.id);
  }
}
