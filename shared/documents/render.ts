import { Liquid } from 'liquidjs';
import type { AnnualFacts } from '../facts/types';
import { TemplateError, translateLiquidMessage } from './errors';
import { CHINESE_FILTERS } from './filters';
import { parseTemplate, type TemplateMeta } from './template';

export interface RenderedTemplate {
  meta: TemplateMeta;
  markdown: string;
}

/**
 * One engine for every template. Templates are user-edited, so: no file system (an empty in-memory
 * template map makes include/render fail instead of reading files), own properties only, undefined
 * names and filters are errors (a typo is reported, not printed as nothing), and bounded work.
 */
function createEngine(): Liquid {
  const engine = new Liquid({
    templates: {},
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    jsTruthy: true,
    parseLimit: 1_000_000,
    renderLimit: 5_000,
    memoryLimit: 50_000_000,
  });
  for (const [name, fn] of Object.entries(CHINESE_FILTERS)) engine.registerFilter(name, fn as (...args: unknown[]) => string);
  return engine;
}

const engine = createEngine();

/** Template source + facts → Markdown. Throws TemplateError (Chinese, with the source line) on any template problem. */
export function renderTemplate(source: string, facts: AnnualFacts): RenderedTemplate {
  const parsed = parseTemplate(source);
  try {
    const markdown = engine.parseAndRenderSync(parsed.body, facts as unknown as Record<string, unknown>);
    return { meta: parsed.meta, markdown };
  } catch (error) {
    throw liquidError(error, parsed.bodyStartLine);
  }
}

function liquidError(error: unknown, bodyStartLine: number): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  let bodyLine = token?.getPosition?.()[0];
  if (bodyLine === undefined) {
    const m = /line:(\d+)/.exec(message);
    bodyLine = m ? Number(m[1]) : undefined;
  }
  const line = bodyLine === undefined ? 0 : bodyStartLine + bodyLine - 1;
  return new TemplateError(line, translateLiquidMessage(message));
}
