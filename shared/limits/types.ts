/**
 * Spending limits for welfare visits, in fen. `null` means the rule sets no limit for that item.
 * Holiday gifts are limited in one of three ways, as the provinces differ in how they count.
 */
export type HolidayLimit =
  /** One sum per person per calendar year over all holidays (安徽, 福建). */
  | { mode: 'per-person-year'; annualFen: number | null }
  /** Per person per year for each holiday: 春节 has its own limit, every other holiday another (贵州). */
  | { mode: 'per-holiday'; springFestivalFen: number | null; otherHolidayFen: number | null }
  /** All holiday gifts of the union in a year together, as a share of that year's budgeted income (北京). */
  | { mode: 'share-of-budget'; percent: number };

export interface SpendingLimits {
  holiday: HolidayLimit;
  birthdayFen: number | null;
  weddingFen: number | null;
  birthFen: number | null;
  hospitalFen: number | null;
  hospitalSurgeryFen: number | null;
  deathMemberFen: number | null;
  deathRelativeFen: number | null;
  retirementFen: number | null;
}
