import type { IsoDate } from '../model/records';

/**
 * A grassroots union's year of activities, as the seeds describe one: 职代会 and 会员大会 early in
 * the year, 三八 and 学雷锋 in March, outings in spring and autumn, contests around 五一 and in the
 * 安全生产月, study sessions, and a show before the new year. Each names the account it is booked to
 * and what it costs a participant, so the money follows the turnout.
 */
export interface ActivityTemplate {
  month: number;
  /** Earliest and latest day of the month it is held on. */
  days: [number, number];
  /** Days it lasts (1 for a one-day event). */
  length: number;
  category: string;
  title: string;
  account: string;
  place: string;
  /** Share of the members who take part; `fixed` overrides it with a head-count range. */
  share: number;
  fixed?: [number, number];
  who?: 'women' | 'young' | 'workshop';
  /** Yuan per participant (prizes, tickets, materials); 0 when the event costs nothing. */
  perHead: number;
  /** What happened, as a chair writes it on the activity; {n} is the number of participants. */
  description: string;
  caption: string;
}

export const ACTIVITY_CALENDAR: readonly ActivityTemplate[] = [
  {
    month: 1,
    days: [8, 12],
    length: 1,
    category: '职代会/厂务公开',
    title: '二届三次职工代表大会',
    account: '50502',
    place: '单位大会议室',
    share: 0.3,
    perHead: 20,
    description: '审议通过《员工绩效考核办法》，{n}名职工代表提出提案12件，会后逐件答复。',
    caption: '职工代表举手表决',
  },
  {
    month: 1,
    days: [16, 22],
    length: 1,
    category: '文体活动',
    title: '迎新春职工游园会',
    account: '50102',
    place: '厂区篮球场',
    share: 0.65,
    perHead: 50,
    description: '设托球跑、拔河、定点投篮等8个游园项目，{n}名职工参加。',
    caption: '拔河比赛',
  },
  {
    month: 3,
    days: [4, 6],
    length: 1,
    category: '志愿服务',
    title: '学雷锋志愿服务',
    account: '50106',
    place: '城郊湿地公园',
    share: 0.15,
    perHead: 10,
    description: '{n}名职工志愿者到城郊湿地公园清理垃圾、劝导文明游园。',
    caption: '',
  },
  {
    month: 3,
    days: [7, 7],
    length: 1,
    category: '女职工工作',
    title: '庆“三八”女职工插花沙龙',
    account: '50106',
    place: '职工之家',
    share: 0.5,
    who: 'women',
    perHead: 60,
    description: '邀请插花老师现场指导，{n}名女职工参加。',
    caption: '女职工插花作品',
  },
  {
    month: 3,
    days: [20, 27],
    length: 1,
    category: '职代会/厂务公开',
    title: '工会会员大会',
    account: '50502',
    place: '单位大会议室',
    share: 0.85,
    perHead: 10,
    description: '听取工会工作报告和上年度经费收支情况报告，审议通过本年度经费预算。',
    caption: '',
  },
  {
    month: 4,
    days: [10, 18],
    length: 1,
    category: '春秋游/疗休养',
    title: '职工春游',
    account: '50105',
    place: '南湖景区',
    share: 0.6,
    perHead: 150,
    description: '组织{n}名职工分两批赴南湖景区、月河历史街区春游。',
    caption: '',
  },
  {
    month: 4,
    days: [22, 28],
    length: 1,
    category: '教育培训',
    title: '安全生产知识培训',
    account: '50101',
    place: '单位大会议室',
    share: 0.4,
    who: 'workshop',
    perHead: 20,
    description: '围绕机械加工安全操作规程和近年事故案例开展培训，{n}名一线职工参加闭卷测试。',
    caption: '',
  },
  {
    month: 5,
    days: [6, 9],
    length: 1,
    category: '政治学习/主题教育',
    title: '劳模事迹报告会',
    account: '50103',
    place: '单位大会议室',
    share: 0.5,
    perHead: 10,
    description: '邀请市劳动模范讲述岗位成才经历，{n}名职工聆听报告。',
    caption: '',
  },
  {
    month: 5,
    days: [18, 25],
    length: 2,
    category: '劳动和技能竞赛',
    title: '岗位技能比武',
    account: '50301',
    place: '生产一车间',
    share: 0.2,
    who: 'workshop',
    perHead: 80,
    description: '设车工、钳工、焊工3个项目，{n}名职工参赛，评出一等奖3名、二等奖6名。',
    caption: '钳工项目比赛现场',
  },
  {
    month: 6,
    days: [8, 12],
    length: 1,
    category: '文体活动',
    title: '“我们的节日”端午包粽子',
    account: '50102',
    place: '职工之家',
    share: 0.4,
    perHead: 35,
    description: '由各部门组队包粽子，包好的粽子送给一线倒班职工。',
    caption: '',
  },
  {
    month: 6,
    days: [20, 26],
    length: 1,
    category: '劳动和技能竞赛',
    title: '“安康杯”知识竞赛',
    account: '50301',
    place: '单位大会议室',
    share: 0.3,
    perHead: 40,
    description: '结合“安全生产月”，以安全生产法和岗位风险辨识为内容，12支班组队参赛。',
    caption: '',
  },
  {
    month: 8,
    days: [3, 10],
    length: 14,
    category: '文体活动',
    title: '职工篮球联赛',
    account: '50102',
    place: '厂区篮球场',
    share: 0.2,
    perHead: 40,
    description: '有8个部门组队参赛，历时两周共进行14场比赛，{n}名职工上场。',
    caption: '篮球联赛决赛',
  },
  {
    month: 9,
    days: [9, 16],
    length: 1,
    category: '政治学习/主题教育',
    title: '学习贯彻中国工会十八大精神专题会',
    account: '50103',
    place: '党员活动室',
    share: 0.35,
    perHead: 10,
    description: '传达学习中国工会第十八次全国代表大会精神，各工会小组结合岗位交流体会。',
    caption: '',
  },
  {
    month: 10,
    days: [12, 20],
    length: 1,
    category: '春秋游/疗休养',
    title: '职工秋游',
    account: '50105',
    place: '乌镇西栅',
    share: 0.6,
    perHead: 150,
    description: '组织{n}名职工赴乌镇西栅秋游。',
    caption: '',
  },
  {
    month: 10,
    days: [22, 26],
    length: 3,
    category: '春秋游/疗休养',
    title: '劳模和先进职工疗休养',
    account: '50104',
    place: '千岛湖',
    share: 0,
    fixed: [5, 7],
    perHead: 1500,
    description: '安排{n}名劳动模范和先进职工赴千岛湖疗休养3天。',
    caption: '',
  },
  {
    month: 11,
    days: [4, 8],
    length: 1,
    category: '女职工工作',
    title: '女职工健康知识讲座',
    account: '50106',
    place: '职工之家',
    share: 0.6,
    who: 'women',
    perHead: 20,
    description: '邀请市妇幼保健院医生讲授女性常见病预防，{n}名女职工参加。',
    caption: '',
  },
  {
    month: 11,
    days: [12, 16],
    length: 1,
    category: '劳动和技能竞赛',
    title: '合理化建议评选',
    account: '50303',
    place: '单位大会议室',
    share: 0.25,
    perHead: 60,
    description: '共征集合理化建议46条，采纳21条，{n}名职工获奖。',
    caption: '',
  },
  {
    month: 11,
    days: [20, 26],
    length: 1,
    category: '其他',
    title: '青年职工座谈会',
    account: '50106',
    place: '职工书屋',
    share: 0,
    fixed: [10, 14],
    who: 'young',
    perHead: 20,
    description: '听取{n}名35岁以下职工关于岗位成长、住房和子女入托的意见建议。',
    caption: '',
  },
  {
    month: 11,
    days: [27, 28],
    length: 1,
    category: '教育培训',
    title: '急救知识讲座',
    account: '50101',
    place: '单位大会议室',
    share: 0.3,
    perHead: 15,
    description: '邀请市红十字会讲授心肺复苏和AED使用，{n}名职工现场练习。',
    caption: '',
  },
  {
    month: 12,
    days: [9, 11],
    length: 2,
    category: '教育培训',
    title: '基层工会干部业务培训',
    account: '50501',
    place: '区职工服务中心',
    share: 0,
    fixed: [3, 3],
    perHead: 600,
    description: '安排工会委员{n}人参加区总工会举办的基层工会干部培训班。',
    caption: '',
  },
  {
    month: 12,
    days: [24, 28],
    length: 1,
    category: '文体活动',
    title: '迎新年职工文艺汇演',
    account: '50102',
    place: '职工之家',
    share: 0.7,
    perHead: 60,
    description: '由各部门编排节目14个，{n}名职工及家属观看演出。',
    caption: '',
  },
];

/** Festival dates (公历) of the traditional holidays gifts are given for; the 2014–2030 calendar. */
const SPRING_FESTIVAL: Record<number, string> = {
  2014: '01-31',
  2015: '02-19',
  2016: '02-08',
  2017: '01-28',
  2018: '02-16',
  2019: '02-05',
  2020: '01-25',
  2021: '02-12',
  2022: '02-01',
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
  2027: '02-06',
  2028: '01-26',
  2029: '02-13',
  2030: '02-03',
};
const DRAGON_BOAT: Record<number, string> = {
  2014: '06-02',
  2015: '06-20',
  2016: '06-09',
  2017: '05-30',
  2018: '06-18',
  2019: '06-07',
  2020: '06-25',
  2021: '06-14',
  2022: '06-03',
  2023: '06-22',
  2024: '06-10',
  2025: '05-31',
  2026: '06-19',
  2027: '06-09',
  2028: '05-28',
  2029: '06-16',
  2030: '06-05',
};
const MID_AUTUMN: Record<number, string> = {
  2014: '09-08',
  2015: '09-27',
  2016: '09-15',
  2017: '10-04',
  2018: '09-24',
  2019: '09-13',
  2020: '10-01',
  2021: '09-21',
  2022: '09-10',
  2023: '09-29',
  2024: '09-17',
  2025: '10-06',
  2026: '09-25',
  2027: '09-15',
  2028: '10-03',
  2029: '09-22',
  2030: '09-12',
};

export interface HolidayGift {
  holiday: '春节' | '端午' | '中秋' | '国庆';
  /** The day the goods are handed out: about a week before the festival. */
  date: IsoDate;
  /** Share of the year's gift money per person. */
  weight: number;
}

/**
 * The year's holiday gifts. When 中秋 falls within a few days of 国庆 the two are given together,
 * as one gift for both festivals.
 */
export function holidayGifts(year: number): HolidayGift[] {
  const before = (mmdd: string | undefined, fallback: string, days: number) => {
    const d = new Date(`${year}-${mmdd ?? fallback}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  };
  const spring = before(SPRING_FESTIVAL[year], '02-05', 8);
  const dragon = before(DRAGON_BOAT[year], '06-10', 5);
  const autumn = before(MID_AUTUMN[year], '09-20', 6);
  const national = `${year}-09-26`;
  const together = autumn >= `${year}-09-22`;
  return [
    { holiday: '春节', date: spring < `${year}-01-06` ? `${year}-01-06` : spring, weight: 0.4 },
    { holiday: '端午', date: dragon, weight: 0.2 },
    ...(together
      ? [{ holiday: '中秋' as const, date: autumn < national ? autumn : national, weight: 0.4 }]
      : [
          { holiday: '中秋' as const, date: autumn, weight: 0.25 },
          { holiday: '国庆' as const, date: national, weight: 0.15 },
        ]),
  ];
}
