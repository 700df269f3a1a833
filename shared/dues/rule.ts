import type { DuesRule, Fen } from '../model/records';

/**
 * National default (全总 工发[1978]101号): 0.5 % of the monthly wage base, the part of the wage under
 * 10 yuan not counted. With a base floored to 10 yuan, 0.5 % is a whole number of fen, so the
 * default needs no rounding at all.
 */
export const DEFAULT_DUES_RULE: DuesRule = { rateBasisPoints: 50, baseFloorFen: 1000, rounding: 'fen' };

export function countedBase(baseFen: Fen, rule: DuesRule): Fen {
  if (baseFen <= 0) return 0;
  const unit = Math.max(1, rule.baseFloorFen);
  return Math.floor(baseFen / unit) * unit;
}

export function monthlyDues(baseFen: Fen, rule: DuesRule = DEFAULT_DUES_RULE): Fen {
  const raw = (countedBase(baseFen, rule) * rule.rateBasisPoints) / 10000;
  switch (rule.rounding) {
    case 'fen':
      return Math.round(raw);
    case 'jiao-round':
      return Math.round(raw / 10) * 10;
    case 'jiao-floor':
      return Math.floor(raw / 10) * 10;
    case 'jiao-ceil':
      return Math.ceil(raw / 10) * 10;
  }
}

/** The rule in words, as the settings page and the ledger state it. */
export function describeDuesRule(rule: DuesRule): string {
  const rate = `${(rule.rateBasisPoints / 100).toString()}%`;
  const floor = rule.baseFloorFen > 1 ? `，工资基数不足 ${rule.baseFloorFen / 100} 元的尾数不计` : '';
  const rounding = {
    fen: '计算到分',
    'jiao-round': '四舍五入到角',
    'jiao-floor': '舍去到角',
    'jiao-ceil': '进到角',
  }[rule.rounding];
  return `按月工资基数的 ${rate} 缴纳会费${floor}，${rounding}；退休、失业会员免缴。`;
}
