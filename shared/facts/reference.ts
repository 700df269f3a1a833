import { FACTS_DESCRIPTION, type FactKind, type GroupDescription, type LeafDescription, type ListDescription } from './description';

export interface FactReferenceEntry {
  /** Liquid path, e.g. `members.total` or `activities.categories[].count` inside a loop. */
  path: string;
  type: FactKind | 'group' | 'list';
  zh: string;
  /** The tag the palette inserts. */
  snippet: string;
  depth: number;
}

const FILTER_OF: Record<FactKind, string> = {
  text: '',
  date: ' | cn_date',
  month: ' | cn_date',
  count: '',
  persons: ' | persons',
  'person-times': ' | person_times',
  times: ' | times',
  money: ' | money',
  ratio: ' | percent',
  year: '',
  flag: '',
};

/** The facts as a flat reference list, in declaration order (palette and docs). */
export function factsReference(): FactReferenceEntry[] {
  const out: FactReferenceEntry[] = [];
  walk(FACTS_DESCRIPTION as unknown as Record<string, Node>, '', '', 0, out);
  return out;
}

type Node = LeafDescription | GroupDescription<unknown> | ListDescription<unknown>;

function walk(fields: Record<string, Node>, prefix: string, loopVar: string, depth: number, out: FactReferenceEntry[]): void {
  for (const [key, node] of Object.entries(fields)) {
    const path = loopVar ? `${loopVar}.${key}` : `${prefix}${key}`;
    if ('kind' in node) {
      out.push({ path, type: node.kind, zh: node.zh, snippet: `{{ ${path}${FILTER_OF[node.kind]} }}`, depth });
    } else if ('fields' in node) {
      out.push({ path, type: 'group', zh: node.zh, snippet: `{{ ${path} }}`, depth });
      walk(node.fields as Record<string, Node>, `${path}.`, '', depth + 1, out);
    } else {
      const item = singular(key);
      out.push({ path, type: 'list', zh: node.zh, snippet: `{% for ${item} in ${path} %}\n\n{% endfor %}`, depth });
      walk(node.list as Record<string, Node>, '', item, depth + 1, out);
    }
  }
}

const SINGULAR: Record<string, string> = {
  categories: 'category',
  items: 'item',
  photos: 'photo',
  kinds: 'k',
  subKinds: 'sub',
  income: 'row',
  expense: 'row',
  overBudget: 'line',
  withoutBudget: 'line',
  overLimit: 'visit',
  planned: 'plan',
  openMonths: 'm',
};

function singular(key: string): string {
  return SINGULAR[key] ?? 'x';
}
