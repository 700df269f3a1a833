import { parseTemplate } from '../../../../shared/documents/template';
import type { SectionTexts } from '../../../../shared/facts/sections';
import type { UserTemplate } from '../../../../shared/model/records';
import type { Mutator } from '../../db/mutations';

/** One yearNotes row per year: updated when it exists, created on the first save. Resolves the row's id. */
export async function saveYearNote(mutator: Mutator, year: number, existingId: string | null, sections: SectionTexts): Promise<string> {
  if (existingId) {
    await mutator.update('yearNotes', existingId, { sections });
    return existingId;
  }
  return (await mutator.insert('yearNotes', { year, sections })).id;
}

/** A user's copy of a template; the source it was copied from is never touched. */
export async function copyTemplate(mutator: Mutator, source: string, basedOn: string): Promise<UserTemplate> {
  const meta = parseTemplate(source).meta;
  const name = `${meta.name}（副本）`;
  const renamed = source.replace(/^(---\s*\n[\s\S]*?^name:\s*).*$/m, `$1${name}`);
  return mutator.insert('templates', { name, kind: meta.kind, source: renamed, origin: 'local', basedOn });
}

/** Saves an edited copy; the caller has checked that the source renders. */
export async function saveTemplate(mutator: Mutator, template: UserTemplate, source: string): Promise<void> {
  const meta = parseTemplate(source).meta;
  await mutator.update('templates', template.id, { source, name: meta.name, kind: meta.kind });
}

export async function deleteTemplate(mutator: Mutator, template: UserTemplate): Promise<void> {
  await mutator.remove('templates', template.id);
}
