// The responsible bodies that the demo notice implies, each with the words in a problem or measure that point to it.
// The demo's assignments are computed from these words, not typed in by hand.
export interface DemoUnit {
  name: string;
  shortName: string;
  keywords: string[];
}

export const TASK_FORCE_UNIT = { name: '区巡视整改工作专班', shortName: '整改专班' };
export const SUPERVISION_UNIT_NAME = '区纪工委监察工委';

export const DEMO_UNITS: DemoUnit[] = [
  {
    name: '党工委办公室',
    shortName: '党工委办',
    keywords: ['党工委(区委)', '议事决策', '重大事项决策', '主体责任', '共同缔造'],
  },
  { name: '区委组织部', shortName: '组织部', keywords: ['党建', '基层党', '党组织', '干部', '党员', '责任压力'] },
  { name: '区委宣传部', shortName: '宣传部', keywords: ['理论', '宣讲', '学习', '研学', '宣传'] },
  {
    name: SUPERVISION_UNIT_NAME,
    shortName: '纪工委',
    keywords: ['监督', '警示教育', '以案促改', '问责', '违纪', '公务接待', '八项规定', '廉洁'],
  },
  { name: '区发展改革局', shortName: '发改局', keywords: ['粮库', '储备粮', '立项', '规划谋划', '高质量发展'] },
  {
    name: '区经济和信息化局',
    shortName: '经信局',
    keywords: ['汽车', '新能源', '东风', '产业', '强链', '本地企业', '工业', '数字经济'],
  },
  { name: '区科技创新局', shortName: '科创局', keywords: ['科技', '研发', 'R&D', '高新', '创新'] },
  { name: '区商务局', shortName: '商务局', keywords: ['外资', '开放', '综保区', '出口', '外贸', '服务业'] },
  { name: '区生态环境局', shortName: '生态环境局', keywords: ['生态', '环保', '粉尘', '污染', '排水户'] },
  {
    name: '区水务和湖泊局',
    shortName: '水湖局',
    keywords: ['河湖', '水质', '湖泊', '防洪', '退垸', '清四乱', '污水', '水体', '蓄滞洪', '堤'],
  },
  { name: '区交通运输局', shortName: '交通局', keywords: ['码头', '港口', '岸线', '转移道路'] },
  {
    name: '区住房和城市更新局',
    shortName: '住更局',
    keywords: ['竣工备案', '未批先建', '施工许可', '工程项目', '城中村', '集并'],
  },
  { name: '区农业农村局', shortName: '农业农村局', keywords: ['农业', '农村', '乡村', '村集体', '托管', '三资'] },
  { name: '区文化和旅游局', shortName: '文旅局', keywords: ['休闲游', '旅游', '文旅'] },
  { name: '区财政局', shortName: '财政局', keywords: ['财政', '预算', '应收账款', '采购', '经费', '招标'] },
  { name: '区审计局', shortName: '审计局', keywords: ['审计'] },
  { name: '区城市管理执法局', shortName: '城管局', keywords: ['垃圾', '转运站', '环卫'] },
  { name: '区行政审批局', shortName: '审批局', keywords: ['审批', '手续'] },
];

/** How strongly a text points at a unit: the number of its keywords that occur. */
export function unitScore(text: string, unit: DemoUnit): number {
  return unit.keywords.reduce((score, keyword) => (text.includes(keyword) ? score + 1 : score), 0);
}

/** The best-matching unit for a problem: its title counts three times as much as its body. */
export function pickUnit(title: string, body: string, fallback: DemoUnit): DemoUnit {
  let best = fallback;
  let bestScore = 0;
  for (const unit of DEMO_UNITS) {
    const score = unitScore(title, unit) * 3 + unitScore(body, unit);
    if (score > bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}
