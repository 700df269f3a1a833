import type { Fen, UnionProfile } from '../model/records';

/** 60 %: what a grassroots union usually keeps of the 2 % 拨缴经费; provinces set their own share. */
export const DEFAULT_ALLOCATION_SHARE_BP = 6000;

export function allocationShareOf(union: Pick<UnionProfile, 'allocationShareBasisPoints'> | undefined): number {
  return union?.allocationShareBasisPoints ?? DEFAULT_ALLOCATION_SHARE_BP;
}

export interface AllocationSplit {
  /** 402 拨缴经费收入: the union's share. */
  shareFen: Fen;
  /** 应付上级经费: the rest, until paid upward. */
  payableFen: Fen;
}

/**
 * Splits a receipt of the full 拨缴经费. The share is rounded to the fen (half up) and the rest is
 * owed upward, so the two always add up to what arrived.
 */
export function splitAllocation(receivedFen: Fen, shareBasisPoints: number): AllocationSplit {
  const shareFen = Math.floor((receivedFen * shareBasisPoints + 5000) / 10_000);
  return { shareFen, payableFen: receivedFen - shareFen };
}

export function shareText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(basisPoints % 100 === 0 ? 0 : 2)}%`;
}
