import { newUnionProfile, type UnionProfileInput } from '../../../../shared/book/new-union';
import type { UnionProfile } from '../../../../shared/model/records';
import type { Mutator } from '../../db/mutations';

export function createUnion(mutator: Mutator, input: UnionProfileInput): Promise<UnionProfile> {
  return mutator.insert('union', newUnionProfile(input));
}

export type ProfileEdit = Partial<Omit<UnionProfile, 'id' | 'updatedAt' | 'deviceId' | 'deleted'>>;

export function updateUnion(mutator: Mutator, id: string, patch: ProfileEdit): Promise<UnionProfile> {
  return mutator.update('union', id, patch);
}
