import type { UnionProfile } from '../../model/records';

export interface UnionProblem {
  field: 'name' | 'employeeCount' | 'womenEmployeeCount';
  message: string;
}

/**
 * The profile's figures must be possible: the employees include every member still at work, and
 * the women employees are some of the employees. 0 means not yet filled in.
 */
export function unionProblems(
  profile: Pick<UnionProfile, 'name' | 'employeeCount' | 'womenEmployeeCount'>,
  inService: { members: number; women: number },
): UnionProblem[] {
  const out: UnionProblem[] = [];
  if (profile.name.trim() === '') out.push({ field: 'name', message: '工会名称：请填写' });
  const { employeeCount, womenEmployeeCount } = profile;
  if (employeeCount > 0 && employeeCount < inService.members)
    out.push({
      field: 'employeeCount',
      message: `职工人数：${employeeCount} 人少于在职会员 ${inService.members} 人；职工人数应包括全部在职会员，请核对`,
    });
  if (womenEmployeeCount > employeeCount && employeeCount > 0)
    out.push({ field: 'womenEmployeeCount', message: `女职工人数：${womenEmployeeCount} 人多于职工人数 ${employeeCount} 人` });
  if (womenEmployeeCount > 0 && womenEmployeeCount < inService.women)
    out.push({
      field: 'womenEmployeeCount',
      message: `女职工人数：${womenEmployeeCount} 人少于在职女会员 ${inService.women} 人，请核对`,
    });
  return out;
}
