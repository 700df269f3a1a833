import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../shared/documents/render';
import { computeAnnualFacts } from '../../../shared/facts/annual';
import { factsReference } from '../../../shared/facts/reference';
import { smallBook } from './small-book';

describe('facts reference (the editor palette)', () => {
  const facts = computeAnnualFacts(smallBook(), 2025);
  const reference = factsReference();

  it('describes every top-level fact in Chinese', () => {
    expect(reference.filter((e) => e.depth === 0).map((e) => e.path)).toEqual(Object.keys(facts));
    for (const e of reference) expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('offers snippets that render against real facts', () => {
    const leaves = reference.filter((e) => e.depth > 0 || (e.type !== 'group' && e.type !== 'list'));
    const outside = leaves.filter(
      (e) => !/^(category|item|photo|k|sub|row|line|visit|plan|m|x)\./.test(e.path) && e.type !== 'group' && e.type !== 'list',
    );
    expect(outside.length).toBeGreaterThan(40);
    for (const e of outside) {
      // strict variables: a palette path that did not exist would throw here
      const out = renderTemplate(`---\nname: t\nkind: other\n---\n[${e.snippet}]`, facts).markdown;
      expect(out, e.path).toMatch(/^\[.*\]$/s);
    }
    const list = reference.find((e) => e.path === 'activities.categories')!;
    const loop = list.snippet.replace('\n\n', '{{ category.name }}{{ category.personTimes | person_times }}');
    expect(renderTemplate(`---\nname: t\nkind: other\n---\n${loop}`, facts).markdown).toBe('文体活动32人次教育培训3人次');
  });
});
