/** Word lists for demo data. Common surnames and given-name characters; the people are fictional. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );

export const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文'.split('');
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲燕红梅琳婷雪慧莉萍颖洁倩佳琴云兰月珍薇悦'.split('');

export const DEPARTMENTS = [
  '办公室',
  '财务科',
  '人事科',
  '生产一车间',
  '生产二车间',
  '质检科',
  '后勤保障部',
  '销售部',
  '技术研发部',
  '仓储物流部',
];

export const EDUCATION = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中'];
export const POLITICAL = ['中共党员', '共青团员', '群众', '群众', '群众', '民主党派'];
export const ETHNICITY = ['汉族', '汉族', '汉族', '汉族', '汉族', '回族', '壮族', '满族', '土家族'];
export const SKILL = ['', '', '初级工', '中级工', '高级工', '技师'];
export const REGIONS = ['330402', '330421', '330424', '330481', '330482', '330483', '110101', '340104', '520102', '350102'];
