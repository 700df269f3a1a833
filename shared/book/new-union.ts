import { DEFAULT_DUES_RULE } from '../dues/rule';
import type { UnionProfile } from '../model/records';
import type { NewRecord } from './changes';

export type UnionProfileInput = Pick<UnionProfile, 'name'> & Partial<Omit<UnionProfile, 'id' | 'updatedAt' | 'deviceId' | 'deleted'>>;

/** A union profile with the defaults a new union starts from (national dues rule, 安徽 2018 limits). */
export function newUnionProfile(input: UnionProfileInput): NewRecord<'union'> {
  return {
    employer: '',
    code: '',
    upperUnion: '',
    chair: '',
    treasurer: '',
    employeeCount: 0,
    womenEmployeeCount: 0,
    duesRule: { ...DEFAULT_DUES_RULE },
    spendingPreset: 'anhui-2018',
    ...input,
  };
}
