import { factsReference } from '../facts/reference';
import { LEGACY_NOTE_FIELDS, SECTIONS, type Section } from '../facts/sections';
import type { AnnualFacts } from '../facts/types';
import { CHINESE_FILTERS } from './filters';

const NOTE_TAG = /\bnotes\.([A-Za-z]+)\b/g;
const LEGACY = LEGACY_NOTE_FIELDS as Readonly<Record<string, string>>;

/**
 * The sections a template has a place for, in the order it places them: every `notes.<section>` it
 * reads (the three earlier names count as their sections). A user's copy that leaves a section
 * out gets no text box for it.
 */
export function templateSections(source: string): Section[] {
  const seen = new Set<string>();
  for (const match of source.matchAll(NOTE_TAG)) seen.add(LEGACY[match[1]!] ?? match[1]!);
  const byKey = new Map<string, Section>(SECTIONS.map((s) => [s.key, s]));
  return [...seen].map((key) => byKey.get(key)).filter((s): s is Section => s !== undefined);
}

export interface SectionFigure {
  label: string;
  text: string;
}

const REFERENCE = new Map(factsReference().map((e) => [e.path, e]));

/** The figures the books give for a section, named as the facts palette names them and written as a report writes them. */
export function sectionFigures(section: Section, facts: AnnualFacts): SectionFigure[] {
  return section.figures.map((path) => {
    const entry = REFERENCE.get(path);
    if (!entry) throw new Error(`unknown fact ${path}`);
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], facts);
    return { label: labelOf(path, entry.zh), text: written(entry.type, value) };
  });
}

/** A bare name (人次, 金额) takes its group's name, up to the group's brackets: 走访慰问人次. */
function labelOf(path: string, zh: string): string {
  if (zh.length > 3) return zh;
  const group = REFERENCE.get(path.slice(0, path.lastIndexOf('.')))?.zh ?? '';
  return `${group.replace(/[（(].*$/, '')}${zh}`;
}

function written(kind: string, value: unknown): string {
  switch (kind) {
    case 'money':
      return CHINESE_FILTERS.money(value);
    case 'ratio':
      return CHINESE_FILTERS.percent(value);
    case 'persons':
      return CHINESE_FILTERS.persons(value);
    case 'person-times':
      return CHINESE_FILTERS.person_times(value);
    case 'times':
      return CHINESE_FILTERS.times(value);
    default:
      return String(value ?? '');
  }
}
