import type { AnnualFacts } from './types';

/** How a figure is written in a template: the filter the palette suggests for it. */
export type FactKind = 'text' | 'date' | 'count' | 'persons' | 'person-times' | 'times' | 'money' | 'ratio' | 'year';

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
} as const;

const accountGroup = {
  ...account,
  budgetFen: { kind: 'money', zh: '预算数（分）' },
  executionRate: { kind: 'ratio', zh: '预算执行率' },
  share: { kind: 'ratio', zh: '占合计的比例' },
  items: { zh: '明细科目', list: account },
} as const;

const photo = {
  attachmentId: { kind: 'text', zh: '照片附件编号（用于 ![说明](attachment:编号)）' },
  caption: { kind: 'text', zh: '照片说明' },
} as const;

export const FACTS_DESCRIPTION: Describe<AnnualFacts> = {
  year: { kind: 'year', zh: '年度，如 2025' },
  yearStart: { kind: 'date', zh: '年度第一天' },
  yearEnd: { kind: 'date', zh: '年度最后一天' },
  today: { kind: 'date', zh: '成文日期（生成当天）' },
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
    },
  },
  members: {
    zh: '会员',
    fields: {
      total: { kind: 'persons', zh: '年末会员总数（含退休会员）' },
      inService: { kind: 'persons', zh: '年末在职会员数' },
      women: { kind: 'persons', zh: '年末女会员数' },
      farmerWorkers: { kind: 'persons', zh: '年末农民工会员数' },
      joined: { kind: 'persons', zh: '本年新入会（含转入）' },
      left: { kind: 'persons', zh: '本年减少（转出、退会、去世）' },
      retired: { kind: 'persons', zh: '本年退休' },
      joinRate: { kind: 'ratio', zh: '入会率（在职会员÷职工人数）' },
    },
  },
  dues: {
    zh: '会费',
    fields: {
      payingMembers: { kind: 'persons', zh: '本年缴纳会费人数' },
      dueFen: { kind: 'money', zh: '本年应缴会费' },
      collectedFen: { kind: 'money', zh: '本年实收会费' },
      collectionRate: { kind: 'ratio', zh: '会费收缴率' },
      arrearsFen: { kind: 'money', zh: '欠缴会费' },
      arrearsMembers: { kind: 'persons', zh: '欠缴人数' },
    },
  },
  activities: {
    zh: '活动',
    fields: {
      count: { kind: 'times', zh: '活动总次数' },
      personTimes: { kind: 'person-times', zh: '参加活动总人次' },
      photoCount: { kind: 'count', zh: '活动照片张数' },
      categories: {
        zh: '按类别（只列有活动的类别）',
        list: {
          name: { kind: 'text', zh: '类别名称' },
          count: { kind: 'times', zh: '活动次数' },
          personTimes: { kind: 'person-times', zh: '参加人次' },
          items: {
            zh: '活动清单',
            list: {
              date: { kind: 'date', zh: '开始日期' },
              endDate: { kind: 'date', zh: '结束日期' },
              title: { kind: 'text', zh: '活动名称' },
              place: { kind: 'text', zh: '地点' },
              personTimes: { kind: 'person-times', zh: '参加人次' },
              photos: { zh: '照片', list: photo },
            },
          },
        },
      },
      photos: { zh: '全年活动照片', list: photo },
    },
  },
  welfare: {
    zh: '慰问与帮扶',
    fields: {
      personTimes: { kind: 'person-times', zh: '慰问总人次' },
      amountFen: { kind: 'money', zh: '慰问总金额' },
      kinds: {
        zh: '按慰问类型（只列有记录的类型）',
        list: {
          kind: { kind: 'text', zh: '类型（生日、住院、送温暖……）' },
          personTimes: { kind: 'person-times', zh: '人次' },
          amountFen: { kind: 'money', zh: '金额' },
        },
      },
    },
  },
  finance: {
    zh: '经费收支',
    fields: {
      openingFen: { kind: 'money', zh: '年初结余' },
      incomeFen: { kind: 'money', zh: '本年收入合计' },
      expenseFen: { kind: 'money', zh: '本年支出合计' },
      surplusFen: { kind: 'money', zh: '本年收支结余（收入−支出）' },
      closingFen: { kind: 'money', zh: '年末结余' },
      closingCashFen: { kind: 'money', zh: '年末库存现金' },
      closingBankFen: { kind: 'money', zh: '年末银行存款' },
      income: { zh: '收入（按一级科目）', list: accountGroup },
      expense: { zh: '支出（按一级科目）', list: accountGroup },
      incomeBudgetFen: { kind: 'money', zh: '收入预算合计' },
      expenseBudgetFen: { kind: 'money', zh: '支出预算合计' },
      incomeExecutionRate: { kind: 'ratio', zh: '收入预算执行率' },
      expenseExecutionRate: { kind: 'ratio', zh: '支出预算执行率' },
    },
  },
  notes: {
    zh: '年度文字材料（在文档页面填写）',
    fields: {
      highlights: { kind: 'text', zh: '本年亮点' },
      problems: { kind: 'text', zh: '存在的问题' },
      nextYearPlan: { kind: 'text', zh: '明年工作计划' },
    },
  },
};
