import type { SpendingPresetId } from '../model/records';
import type { SpendingLimits } from './types';

export interface SpendingPreset {
  id: SpendingPresetId;
  name: string;
  /** The rule the numbers come from. */
  source: string;
  /** Year the rule was issued; null for the union's own values. */
  year: number | null;
  limits: SpendingLimits;
}

/** Shown with every preset: the numbers are examples, the union's own provincial 实施细则 is what binds. */
export const LOCAL_RULES_NOTE = '以上标准仅供参考，具体以本地（省、市）总工会制定的基层工会经费收支管理实施细则为准。';

const yuan = (n: number) => n * 100;

/** Provincial examples from DOMAIN.md (medium confidence), shipped as presets, never hard rules. */
export const SPENDING_PRESETS: readonly SpendingPreset[] = [
  {
    id: 'anhui-2018',
    name: '安徽 2018',
    source: '安徽省总工会 基层工会经费收支管理实施细则',
    year: 2018,
    limits: {
      holiday: { mode: 'per-person-year', annualFen: yuan(1500) },
      birthdayFen: yuan(300),
      weddingFen: yuan(600),
      birthFen: yuan(600),
      hospitalFen: yuan(1000),
      hospitalSurgeryFen: yuan(1000),
      deathMemberFen: yuan(2000),
      deathRelativeFen: yuan(1000),
      retirementFen: yuan(1000),
    },
  },
  {
    id: 'guizhou-2018',
    name: '贵州 2018',
    source: '贵州省总工会 基层工会经费收支管理实施细则',
    year: 2018,
    limits: {
      holiday: { mode: 'per-holiday', springFestivalFen: yuan(500), otherHolidayFen: yuan(200) },
      birthdayFen: yuan(300),
      weddingFen: yuan(500),
      birthFen: yuan(500),
      hospitalFen: yuan(500),
      hospitalSurgeryFen: yuan(1000),
      deathMemberFen: yuan(2000),
      deathRelativeFen: yuan(1000),
      retirementFen: yuan(500),
    },
  },
  {
    id: 'fujian-2018',
    name: '福建 2018',
    source: '福建省总工会 基层工会经费收支管理实施细则',
    year: 2018,
    limits: {
      holiday: { mode: 'per-person-year', annualFen: yuan(1300) },
      birthdayFen: yuan(300),
      weddingFen: null,
      birthFen: yuan(500),
      hospitalFen: yuan(500),
      hospitalSurgeryFen: yuan(1000),
      deathMemberFen: yuan(2000),
      deathRelativeFen: yuan(1000),
      retirementFen: yuan(500),
    },
  },
  {
    id: 'beijing-2019',
    name: '北京 2019',
    source: '北京市总工会 基层工会经费收支管理实施细则',
    year: 2019,
    limits: {
      holiday: { mode: 'share-of-budget', percent: 50 },
      birthdayFen: yuan(300),
      weddingFen: null,
      birthFen: null,
      hospitalFen: null,
      hospitalSurgeryFen: null,
      deathMemberFen: null,
      deathRelativeFen: null,
      retirementFen: null,
    },
  },
];

/** Starting values of 自定义: a copy of 安徽 2018, for the union to edit to its own 实施细则. */
export const DEFAULT_CUSTOM_LIMITS: SpendingLimits = structuredClone(SPENDING_PRESETS[0]!.limits);

export function customPreset(limits: SpendingLimits | undefined): SpendingPreset {
  return { id: 'custom', name: '自定义', source: '本工会按当地实施细则自行设定', year: null, limits: limits ?? DEFAULT_CUSTOM_LIMITS };
}

/** The preset a union has chosen; `custom` uses the union's own values. */
export function resolvePreset(id: SpendingPresetId, custom?: SpendingLimits): SpendingPreset {
  if (id === 'custom') return customPreset(custom);
  return SPENDING_PRESETS.find((p) => p.id === id) ?? SPENDING_PRESETS[0]!;
}

export function presetLabel(preset: SpendingPreset): string {
  return preset.year ? `${preset.name}（${preset.source}，${preset.year}年）` : `${preset.name}（${preset.source}）`;
}
