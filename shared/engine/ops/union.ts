import { newUnionProfile, type UnionProfileInput } from '../../book/new-union';
import type { UnionProfile } from '../../model/records';
import { BookError, throwIfAny } from '../errors';
import { unionProblems } from '../rules/union';
import type { BookStore, Patch } from '../store';

async function inService(store: BookStore): Promise<{ members: number; women: number }> {
  const members = (await store.all('members')).filter((m) => m.deleted === 0 && m.status === 'active');
  return { members: members.length, women: members.filter((m) => m.gender === '女').length };
}

export async function createUnion(store: BookStore, input: UnionProfileInput): Promise<UnionProfile> {
  const profile = newUnionProfile(input);
  throwIfAny(unionProblems(profile, { members: 0, women: 0 }));
  return store.transaction(['union'], async () => {
    if ((await store.all('union')).some((u) => u.deleted === 0)) throw new BookError('本账簿已经有工会信息');
    return (await store.insert('union', [profile]))[0]!;
  });
}

/** Edits the profile; its counts must fit the roster (职工人数 ≥ 在职会员, 女职工 ≤ 职工). */
export async function updateUnion(store: BookStore, id: string, patch: Patch<'union'>): Promise<UnionProfile> {
  return store.transaction(['union', 'members'], async () => {
    const current = await store.get('union', id);
    if (!current || current.deleted) throw new BookError('工会信息不存在');
    throwIfAny(unionProblems({ ...current, ...patch }, await inService(store)));
    return (await store.update('union', [{ id, patch }]))[0]!;
  });
}
