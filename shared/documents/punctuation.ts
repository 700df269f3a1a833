/**
 * GB/T 15834-2011 rules a generated text most often breaks, applied to every line of a document
 * (template text and the titles users typed alike):
 * - quotation marks nest “ ‘ ’ ”: a quote inside a quote takes single marks (4.4.3.3);
 * - no 顿号 between items that are each in quotation marks or book-title marks (4.5.3.5):
 *   “春送岗位”“夏送清凉”, 《工会法》《劳动法》;
 * - straight quotes typed on a Western keyboard become Chinese ones;
 * - a title that already ends in 活动 is not followed by another 活动.
 */
export function fixPunctuation(text: string): string {
  return nestQuotes(curlStraightQuotes(text))
    .replace(/([”’》])、(?=[“‘《])/g, '$1')
    .replace(/活动([”’])活动/g, '活动$1');
}

/** "安康杯" → “安康杯”: straight double quotes alternate open and close within a line. */
function curlStraightQuotes(text: string): string {
  let open = true;
  return text.replace(/"/g, () => {
    const mark = open ? '“' : '”';
    open = !open;
    return mark;
  });
}

/**
 * Re-marks every quotation mark by its depth: odd depths take “ ”, even depths ‘ ’. Both kinds of
 * opening mark open a level and both kinds of closing mark close one, so “““安康杯”知识竞赛” (a title
 * that has its own quotes, quoted again) comes out as “‘安康杯’知识竞赛”.
 */
export function nestQuotes(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '“' || ch === '‘') {
      depth++;
      out += depth % 2 === 1 ? '“' : '‘';
    } else if ((ch === '”' || ch === '’') && depth > 0) {
      out += depth % 2 === 1 ? '”' : '’';
      depth--;
    } else {
      out += ch;
    }
  }
  return out;
}

/** A title in quotation marks, its own quotes nested inside. */
export function quoted(title: string): string {
  return nestQuotes(`“${curlStraightQuotes(title.trim())}”`);
}
