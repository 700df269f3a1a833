import { SECTIONS, type SectionTexts } from './sections';
import type { AnnualFacts } from './types';

/** How a figure is written in a template: the filter the palette suggests for it. */
export type FactKind = 'text' | 'date' | 'month' | 'count' | 'persons' | 'person-times' | 'times' | 'money' | 'ratio' | 'year' | 'flag';

export interface LeafDescription {
  kind: FactKind;
  zh: string;
}
export interface GroupDescription<T> {
  zh: string;
  fields: Describe<T>;
}
export interface ListDescription<T> {
  zh: string;
  list: Describe<T>;
}

/** One description per field of T, recursively; a missing or extra field is a compile error. */
export type Describe<T> = {
  [K in keyof T]-?: T[K] extends readonly (infer I)[] ? ListDescription<I> : T[K] extends object ? GroupDescription<T[K]> : LeafDescription;
};

const account = {
  code: { kind: 'text', zh: '科目编码' },
  name: { kind: 'text', zh: '科目名称' },
  amountFen: { kind: 'money', zh: '金额（分）' },
  usage: { kind: 'text', zh: '主要用途（取自摘要，金额大的在前）' },
  visits: { kind: 'person-times', zh: '记入本科目的慰问人次' },
  activities: { kind: 'times', zh: '记入本科目的活动次数' },
} as const;

const accountGroup = {
  ...account,
  budgetFen: { kind: 'money', zh: '预算数（分）' },
  executionRate: { kind: 'ratio', zh: '预算执行率' },
  share: { kind: 'ratio', zh: '占合计的比例' },
  items: { zh: '明细科目', list: account },
} as const;

const sheetColumn = {
  cashFen: { kind: 'money', zh: '库存现金' },
  bankFen: { kind: 'money', zh: '银行存款' },
  fixedAssetsFen: { kind: 'money', zh: '固定资产' },
  assetsFen: { kind: 'money', zh: '资产合计' },
  payableFen: { kind: 'money', zh: '应付上级经费' },
  custodyFen: { kind: 'money', zh: '代管经费' },
  liabilitiesFen: { kind: 'money', zh: '负债合计' },
  assetFundFen: { kind: 'money', zh: '资产基金' },
  fundBalanceFen: { kind: 'money', zh: '工会资金结余' },
  netAssetsFen: { kind: 'money', zh: '净资产合计' },
} as const;

const auditCheck = {
  label: { kind: 'text', zh: '核对项目' },
  ok: { kind: 'flag', zh: '相符' },
  detail: { kind: 'text', zh: '核对结果（不符时写明差额和位置）' },
} as const;

const photo = {
  attachmentId: { kind: 'text', zh: '照片附件编号（用于 ![说明](attachment:编号)）' },
  caption: { kind: 'text', zh: '照片说明（未填写时为活动名称）' },
} as const;

const welfareKind = {
  kind: { kind: 'text', zh: '类型（生日、住院、送温暖……）' },
  label: { kind: 'text', zh: '文档中的名称（住院慰问、节日慰问品……）' },
  personTimes: { kind: 'person-times', zh: '人次' },
  people: { kind: 'persons', zh: '人数' },
  amountFen: { kind: 'money', zh: '金额' },
  subKinds: {
    zh: '细分（手术/无手术、春送岗位……）',
    list: {
      name: { kind: 'text', zh: '细分名称' },
      personTimes: { kind: 'person-times', zh: '人次' },
      amountFen: { kind: 'money', zh: '金额' },
    },
  },
} as const;

const welfareGroup = (zh: string) =>
  ({
    zh,
    fields: {
      personTimes: { kind: 'person-times', zh: '人次' },
      people: { kind: 'persons', zh: '人数' },
      amountFen: { kind: 'money', zh: '金额' },
      kinds: { zh: '按类型', list: welfareKind },
    },
  }) as const;

export const FACTS_DESCRIPTION: Describe<AnnualFacts> = {
  year: { kind: 'year', zh: '年度，如 2025' },
  yearStart: { kind: 'date', zh: '年度第一天' },
  yearEnd: { kind: 'date', zh: '年度最后一天' },
  today: { kind: 'date', zh: '成文日期（数字统计截至这一天）' },
  period: {
    zh: '统计期间',
    fields: {
      asOf: { kind: 'date', zh: '统计截止日（成文日期，晚于年底时为12月31日）' },
      wholeYear: { kind: 'flag', zh: '是否统计全年' },
      span: { kind: 'text', zh: '“全年”或“今年以来”' },
      booksStart: { kind: 'date', zh: '本年开账日（开账早于本年时为空）' },
    },
  },
  union: {
    zh: '工会信息',
    fields: {
      name: { kind: 'text', zh: '工会名称' },
      employer: { kind: 'text', zh: '所在单位' },
      upperUnion: { kind: 'text', zh: '上级工会' },
      chair: { kind: 'text', zh: '工会主席' },
      treasurer: { kind: 'text', zh: '经费会计/出纳' },
      employeeCount: { kind: 'persons', zh: '职工人数' },
      womenEmployeeCount: { kind: 'persons', zh: '女职工人数' },
      spendingRule: { kind: 'text', zh: '执行的经费开支标准（实施细则名称）' },
      duesRate: { kind: 'text', zh: '会费比例，如 0.5%' },
    },
  },
  members: {
    zh: '会员',
    fields: {
      atYearStart: { kind: 'persons', zh: '年初会员数' },
      total: { kind: 'persons', zh: '会员总数（截至成文日期，含退休会员）' },
      inService: { kind: 'persons', zh: '在职会员数' },
      women: { kind: 'persons', zh: '女会员数' },
      womenInService: { kind: 'persons', zh: '在职女会员数' },
      farmerWorkers: { kind: 'persons', zh: '农民工会员数' },
      joined: { kind: 'persons', zh: '本年增加（入会、转入）' },
      newMembers: { kind: 'persons', zh: '本年新入会' },
      transferredIn: { kind: 'persons', zh: '本年转入' },
      left: { kind: 'persons', zh: '本年减少（转出、退会、去世）' },
      transferredOut: { kind: 'persons', zh: '本年转出' },
      quit: { kind: 'persons', zh: '本年退会' },
      died: { kind: 'persons', zh: '本年去世' },
      retired: { kind: 'persons', zh: '本年退休（保留会籍）' },
      joinRate: { kind: 'ratio', zh: '入会率（在职会员÷职工人数）' },
    },
  },
  dues: {
    zh: '会费',
    fields: {
      payingMembers: { kind: 'persons', zh: '本年缴纳会费人数' },
      dueFen: { kind: 'money', zh: '应缴会费（已到期月份，自开账起）' },
      paidDueFen: { kind: 'money', zh: '应缴中已缴' },
      collectionRate: { kind: 'ratio', zh: '会费收缴率' },
      owedFrom: { kind: 'month', zh: '应缴统计起始月' },
      owedThrough: { kind: 'month', zh: '应缴统计截止月（当月代扣未到期的不计）' },
      arrearsFen: { kind: 'money', zh: '欠缴会费' },
      arrearsMembers: { kind: 'persons', zh: '欠缴人数' },
      warnedMembers: { kind: 'persons', zh: '连续5个月及以上未缴人数' },
      collectedFen: { kind: 'money', zh: '本年实收会费（含开账前已收）' },
      receivedFen: { kind: 'money', zh: '本年账内收到的会费' },
      beforeBooksFen: { kind: 'money', zh: '开账前已收会费' },
      earlierYearsFen: { kind: 'money', zh: '其中补缴以前年度会费' },
      laterYearsFen: { kind: 'money', zh: '其中预缴以后年度会费' },
      notYetDueFen: { kind: 'money', zh: '其中已代扣但尚未到期的本年会费' },
      notYetDueFrom: { kind: 'month', zh: '尚未到期会费的起始月' },
      notYetDueThrough: { kind: 'month', zh: '尚未到期会费的截止月' },
      ledgerFen: { kind: 'money', zh: '401 会费收入（账面）' },
      unreconciledFen: { kind: 'money', zh: '会费收入与会费收缴记录的差额' },
    },
  },
  activities: {
    zh: '活动',
    fields: {
      count: { kind: 'times', zh: '已开展活动次数' },
      personTimes: { kind: 'person-times', zh: '参加活动总人次' },
      photoCount: { kind: 'count', zh: '活动照片张数' },
      categories: {
        zh: '按类别（只列有活动的类别）',
        list: {
          name: { kind: 'text', zh: '类别名称' },
          count: { kind: 'times', zh: '活动次数' },
          personTimes: { kind: 'person-times', zh: '参加人次' },
          minor: { kind: 'flag', zh: '只有一次的一般活动（并入一段叙述）' },
          items: {
            zh: '活动清单',
            list: {
              date: { kind: 'date', zh: '开始日期' },
              endDate: { kind: 'date', zh: '结束日期' },
              title: { kind: 'text', zh: '活动名称' },
              place: { kind: 'text', zh: '地点' },
              personTimes: { kind: 'person-times', zh: '参加人次' },
              description: { kind: 'text', zh: '活动情况（活动页面填写的说明）' },
              photos: { zh: '照片', list: photo },
            },
          },
        },
      },
      majorCount: { kind: 'count', zh: '单列标题的类别数' },
      minorCount: { kind: 'count', zh: '并入一段的类别数' },
      photos: { zh: '全年活动照片', list: photo },
      planned: {
        zh: '成文日期之后的计划活动',
        list: {
          date: { kind: 'date', zh: '计划日期' },
          title: { kind: 'text', zh: '活动名称' },
          category: { kind: 'text', zh: '类别' },
          place: { kind: 'text', zh: '地点' },
        },
      },
    },
  },
  welfare: {
    zh: '慰问与福利',
    fields: {
      personTimes: { kind: 'person-times', zh: '慰问和福利总人次' },
      amountFen: { kind: 'money', zh: '慰问和福利总金额' },
      kinds: { zh: '按类型（只列有记录的类型）', list: welfareKind },
      visits: welfareGroup('走访慰问（住院、去世、困难帮扶、送温暖）'),
      benefits: welfareGroup('会员福利（生日、结婚、生育、节日慰问品、退休）'),
      overLimit: {
        zh: '超出开支标准的慰问（慰问页面提示过的）',
        list: {
          kind: { kind: 'text', zh: '慰问类型' },
          date: { kind: 'date', zh: '日期' },
          amountFen: { kind: 'money', zh: '金额' },
          rule: { kind: 'text', zh: '超出的标准' },
        },
      },
    },
  },
  finance: {
    zh: '经费收支',
    fields: {
      openingDate: { kind: 'date', zh: '期初日（1月1日或开账日）' },
      openingFen: { kind: 'money', zh: '年初（开账时）结余' },
      openingCashFen: { kind: 'money', zh: '年初库存现金' },
      openingBankFen: { kind: 'money', zh: '年初银行存款' },
      incomeFen: { kind: 'money', zh: '本年收入合计' },
      expenseFen: { kind: 'money', zh: '本年支出合计' },
      surplusFen: { kind: 'money', zh: '本年收支结余（收入−支出）' },
      surplusRate: { kind: 'ratio', zh: '结余占收入的比例' },
      closingFen: { kind: 'money', zh: '截至成文日期的结余' },
      closingCashFen: { kind: 'money', zh: '库存现金' },
      closingBankFen: { kind: 'money', zh: '银行存款' },
      roundingNote: { kind: 'flag', zh: '正文金额四舍五入后分项与合计不等（需加注说明）' },
      income: { zh: '收入（按一级科目）', list: accountGroup },
      expense: { zh: '支出（按一级科目）', list: accountGroup },
      interestFen: { kind: 'money', zh: '利息收入' },
      capitalFen: { kind: 'money', zh: '资本性支出（购置固定资产）' },
      incomeBudgetFen: { kind: 'money', zh: '收入预算合计' },
      expenseBudgetFen: { kind: 'money', zh: '支出预算合计' },
      incomeExecutionRate: { kind: 'ratio', zh: '收入预算执行率' },
      expenseExecutionRate: { kind: 'ratio', zh: '支出预算执行率' },
      overBudget: {
        zh: '超预算的支出科目',
        list: {
          code: { kind: 'text', zh: '科目编码' },
          name: { kind: 'text', zh: '科目名称' },
          budgetFen: { kind: 'money', zh: '预算数' },
          amountFen: { kind: 'money', zh: '实际数' },
          differenceFen: { kind: 'money', zh: '超出金额' },
          executionRate: { kind: 'ratio', zh: '执行率' },
        },
      },
      withoutBudget: { zh: '无预算的支出科目', list: account },
      openMonths: { zh: '已结束但未结账的月份', list: { month: { kind: 'month', zh: '月份' } } },
    },
  },
  audit: {
    zh: '经费审查（与账表的经费审查页相同）',
    fields: {
      sheetDate: { kind: 'date', zh: '审查截止日（资产负债表日期）' },
      voucherCount: { kind: 'count', zh: '记账凭证张数' },
      firstVoucher: { kind: 'text', zh: '第一张凭证号' },
      lastVoucher: { kind: 'text', zh: '最后一张凭证号' },
      openingFen: { kind: 'money', zh: '年初库存现金和银行存款' },
      closingFen: { kind: 'money', zh: '期末库存现金和银行存款' },
      openingPayableFen: { kind: 'money', zh: '年初应付上级经费' },
      closingPayableFen: { kind: 'money', zh: '期末应付上级经费' },
      sheetStart: { zh: '资产负债表年初数', fields: sheetColumn },
      sheetEnd: { zh: '资产负债表期末数', fields: sheetColumn },
      endedMonths: { kind: 'count', zh: '已结束的月份数' },
      closedMonths: { kind: 'count', zh: '其中已结账的月份数' },
      openMonths: { kind: 'text', zh: '已结束但未结账的月份（2025年11月、2025年12月）' },
      bankMonths: {
        zh: '各月银行对账情况',
        list: {
          month: { kind: 'month', zh: '月份' },
          state: { kind: 'text', zh: '相符、不符、未导入对账单或已跳过' },
          differenceFen: { kind: 'money', zh: '调节后差额' },
        },
      },
      bankReconciledMonths: { kind: 'count', zh: '余额调节相符的月份数' },
      bankMonth: { kind: 'month', zh: '最后一个已结束的月份' },
      bankJournalFen: { kind: 'money', zh: '该月末银行存款日记账余额' },
      bankStatementFen: { kind: 'money', zh: '该月末银行对账单余额' },
      hasBankStatement: { kind: 'flag', zh: '对账单覆盖该月末' },
      checks: { zh: '交叉核对（全部）', list: auditCheck },
      failedChecks: { zh: '不相符的核对项目', list: auditCheck },
      passedCount: { kind: 'count', zh: '相符的项目数' },
      failedCount: { kind: 'count', zh: '不相符的项目数' },
    },
  },
  previous: {
    zh: '上年同期（同比）',
    fields: {
      available: { kind: 'flag', zh: '账簿含上年全年数据，可以同比' },
      year: { kind: 'year', zh: '上一年度' },
      asOf: { kind: 'date', zh: '上年同期截止日' },
      members: { kind: 'persons', zh: '上年同期会员数' },
      activities: { kind: 'times', zh: '上年同期活动次数' },
      personTimes: { kind: 'person-times', zh: '上年同期参加活动人次' },
      welfarePersonTimes: { kind: 'person-times', zh: '上年同期慰问和福利人次' },
      visitPersonTimes: { kind: 'person-times', zh: '上年同期走访慰问人次' },
      incomeFen: { kind: 'money', zh: '上年同期收入' },
      expenseFen: { kind: 'money', zh: '上年同期支出' },
      duesFen: { kind: 'money', zh: '上年同期会费' },
    },
  },
  notes: {
    zh: '年度文字材料（在文档页面填写）',
    // One paragraph per section (sections.ts); the earlier names read the same words.
    fields: {
      ...(Object.fromEntries(SECTIONS.map((s) => [s.key, { kind: 'text', zh: s.title }])) as Describe<SectionTexts>),
      highlights: { kind: 'text', zh: '主要工作及成效（旧名 本年亮点）' },
      nextYearPlan: { kind: 'text', zh: '明年工作计划（旧名）' },
    },
  },
};
