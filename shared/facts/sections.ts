/**
 * The sections of the bundled documents in which the chair writes a paragraph of their own, and
 * the figures the books give for each. Declared once: the 文档 page, the stored year notes
 * (shared/records), the facts a template reads (`notes.<key>`) and the templates all use these keys.
 * Figure labels come from the facts' own description, so a fact keeps one Chinese name everywhere.
 */
export const SECTIONS = [
  {
    key: 'members',
    title: '会员队伍',
    placeholder: '如：积极推进新就业形态劳动者入会，会员队伍稳中有增……',
    figures: ['members.total', 'members.inService', 'members.women', 'members.newMembers', 'members.joinRate'],
  },
  {
    key: 'work',
    title: '主要工作及成效',
    placeholder: '如：围绕中心工作组织岗位技能比武，职工参与面明显扩大……',
    figures: ['activities.count', 'activities.personTimes'],
  },
  {
    key: 'welfare',
    title: '走访慰问和会员福利',
    placeholder: '如：坚持“会员生日有祝福、生病住院有探望、困难家庭有帮扶”……',
    figures: ['welfare.visits.personTimes', 'welfare.visits.amountFen', 'welfare.benefits.personTimes', 'welfare.amountFen'],
  },
  {
    key: 'funds',
    title: '会费收缴和经费管理',
    placeholder: '如：严格执行经费审批制度，大额支出经委员会集体研究……',
    figures: ['dues.collectedFen', 'dues.collectionRate', 'finance.incomeFen', 'finance.expenseFen', 'finance.closingFen'],
  },
  {
    key: 'problems',
    title: '存在的问题',
    placeholder: '每行一条，如：工会干部多为兼职，业务能力有待提高……',
    figures: ['dues.arrearsMembers', 'finance.expenseExecutionRate'],
  },
  {
    key: 'plan',
    title: '明年工作计划',
    placeholder: '每行一条，如：深化“职工之家”建设，完善困难职工帮扶机制……',
    figures: ['finance.closingFen'],
  },
  {
    key: 'income',
    title: '经费收入情况',
    placeholder: '如：拨缴经费按时足额到账，上级补助主要用于……',
    figures: ['finance.incomeFen', 'finance.incomeBudgetFen', 'finance.incomeExecutionRate', 'dues.collectedFen'],
  },
  {
    key: 'expense',
    title: '经费支出情况',
    placeholder: '如：支出主要用于职工教育、文体活动和送温暖……',
    figures: ['finance.expenseFen', 'finance.expenseBudgetFen', 'finance.expenseExecutionRate'],
  },
  {
    key: 'balance',
    title: '收支结余情况',
    placeholder: '如：结余资金主要用于明年职工之家建设……',
    figures: ['finance.surplusFen', 'finance.closingFen', 'finance.closingCashFen', 'finance.closingBankFen'],
  },
  {
    key: 'nextSteps',
    title: '下一步工作打算',
    placeholder: '留空则写入模板中的通用表述；每行一条。',
    figures: ['finance.expenseBudgetFen'],
  },
] as const satisfies readonly SectionDeclaration[];

export interface SectionDeclaration {
  key: string;
  title: string;
  placeholder: string;
  /** Fact paths (as in `factsReference()`), shown beside the text box. */
  figures: readonly string[];
}

export type SectionKey = (typeof SECTIONS)[number]['key'];
export type Section = (typeof SECTIONS)[number];
export type SectionTexts = Record<SectionKey, string>;

export const SECTION_KEYS: readonly SectionKey[] = SECTIONS.map((s) => s.key);

export function emptySections(): SectionTexts {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, ''])) as SectionTexts;
}

/**
 * The three boxes of earlier versions and the section each now belongs to. Templates written for
 * them (`notes.highlights`) still read the same words.
 */
export const LEGACY_NOTE_FIELDS = { highlights: 'work', problems: 'problems', nextYearPlan: 'plan' } as const satisfies Record<
  string,
  SectionKey
>;
