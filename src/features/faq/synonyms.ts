/**
 * Synonym groups: every variant found in a text adds the group's canonical term (`s:<first variant>`), at index
 * time and at query time alike, so 磨剪刀 in a question meets 磨刀 in an entry. The originals stay too.
 *
 * Variants are written already normalised (simplified, lower case, no punctuation): this file must not depend on
 * text.ts (which imports it), and a test checks that normalize(variant) === variant.
 * Chinese variants match as substrings (the segmenter splits unknown words unpredictably); Latin variants match
 * whole words, several words allowed ("pick up").
 * Hunan-flavoured words that are words of their own are here: 几多 (多少), 锁匙 (钥匙), 赶场 (赶集), 哪块 (哪里); those
 * that stand in for a standard word everywhere (么子 → 什么, 伢子 → 孩子) are rewritten by normalize() instead.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // what residents come for
  ['磨刀', '磨剪刀', '磨菜刀', '磨刀子', '磨剪子', '剪刀', '菜刀', '刀钝', '刀不快', '刀子', '磨刀师傅'],
  [
    '领物资',
    '领东西',
    '领取',
    '拿东西',
    '领物',
    '物资',
    '救助包',
    '物资包',
    '爱心包',
    '米和油',
    '米油',
    '大礼包',
    '礼包',
  ],
  ['救助', '帮扶', '补助', '救济', '补贴', '困难补助', '扶贫'],
  ['特殊群体', '困难户', '困难群众', '困难家庭', '低保', '特困', '残疾', '孤寡', '独居老人', '空巢老人', '五保'],
  ['市集', '集市', '赶集', '赶场', '野享', '便民市集', '便民服务日', '摆摊'],
  ['捐款', '捐钱', '捐赠', '捐助', '捐献', '献爱心', '出钱', '捐'],
  ['月月捐', '每月捐', '每个月捐', '按月捐', '定期捐'],
  ['捐款方式', '定向捐', '消费捐', '服务捐', '几种捐', '捐法'],
  ['网上', '线上', '在线', '微信转账', '支付宝', '转账', '网银', '扫码付', '红包', '手机支付', '转钱', '微信支付'],
  ['志愿者', '义工', '志愿服务', '做志愿', '当志愿', '志愿队', '服务队', '帮困服务队', '便民服务队', '公益联盟'],
  ['代表', '人大代表', '人大'],
  ['反映', '投诉', '举报', '反应问题', '提意见', '意见', '建议', '诉求', '信访', '上访'],
  ['进度', '处理结果', '回复', '答复', '结果', '反馈', '有没有人管', '跟进', '没消息', '没回音', '没下文', '怎么样了'],
  ['联名', '附议', '签名', '联署', '一起反映'],
  ['面对面', '局长', '见面会', '座谈会'],
  ['涵洞', '积水', '淹水', '内涝', '水淹', '下雨'],
  // when, where, how much: the intent words that tell 市集什么时候 from 市集在哪里
  ['几号', '哪天', '什么时候', '几时', '哪一天', '哪号', '日期', '几月几', '时间', '几点'],
  ['哪里', '哪儿', '在哪', '哪个地方', '什么地方', '哪块', '地点', '地址', '位置'],
  ['多少钱', '收费', '要钱', '免费', '费用', '价格', '收钱', '花钱', '几多钱', '价钱', '贵不贵'],
  // booking
  ['预约', '预定', '预订', '约', '挂号', '排号'],
  ['取消', '退掉', '不去了', '改时间', '改约', '改期', '去不了', '去不成', '来不了', '撤销', '撤回', '退订'],
  ['不预约', '没预约', '没有预约', '不用预约', '直接去', '现场', '不提前', '没报名', '不报名', '不用报名'],
  ['哪些', '哪几样', '哪几种', '几种', '有什么', '有哪些', '什么项目', '哪几个', '多少种', '都有什么'],
  // the market services
  ['理发', '剪头发', '剪头', '剃头', '理头', '剪发', '头发', '发型'],
  ['缝补', '缝衣服', '补衣服', '缝裤子', '补裤子', '针线', '改衣服', '裁缝', '扣子', '拉链', '衣服破'],
  ['修鞋', '补鞋', '鞋', '钉鞋', '开胶'],
  [
    '家电维修',
    '修家电',
    '修电器',
    '家电',
    '电器',
    '电视',
    '冰箱',
    '洗衣机',
    '电饭锅',
    '电风扇',
    '风扇',
    '空调',
    '微波炉',
    '热水器',
  ],
  ['家政', '保洁', '打扫卫生', '搞卫生', '钟点工', '保姆'],
  ['量血压', '测血压', '血压', '血糖', '义诊', '体检', '健康检查', '医生', '看病', '身体检查'],
  ['法律', '律师', '打官司', '纠纷', '法援', '维权', '合同', '遗产', '欠钱', '赡养'],
  [
    '心理',
    '情绪',
    '抑郁',
    '焦虑',
    '压力大',
    '睡不着',
    '心情不好',
    '想不开',
    '心里难受',
    '烦躁',
    '睡不好',
    '失眠',
    '孤独',
    '寂寞',
    '伤心',
    '难过',
  ],
  ['手机', '智能手机', '微信', '视频通话', '扫码', '用手机'],
  ['配钥匙', '钥匙', '锁匙', '配锁匙'],
  ['手艺', '会修', '提供服务', '手艺人', '当师傅', '帮大家', '出份力', '做服务', '来帮忙', '去帮忙'],
  // partners, volunteers, children, talks
  ['合伙人', '社区合伙人', '合作', '加盟', '商家', '企业', '入驻', '伙伴', '单位'],
  ['孩子', '小孩', '儿童', '小朋友', '学生', '崽', '孙子', '孙女', '外孙'],
  ['课堂', '兴趣班', '托管', '辅导', '作业', '周末班', '上课', '课', '学东西', '学习'],
  ['每月', '每个月', '一个月', '每一个月', '月月'],
  ['多久', '几回', '几次', '多长时间', '隔多久'],
  ['讲座', '培训', '讲课', '宣讲', '讲堂', '知识课'],
  // safety
  ['消防', '火灾', '着火', '失火', '灭火', '灭火器', '起火', '防火', '烧起来'],
  ['电动车', '电瓶车', '电动自行车', '飞线充电', '充电'],
  ['隐患', '安全隐患', '危险', '堵塞', '消防通道', '乱接电线', '井盖', '堆', '杂物'],
  ['紧急', '急救', '报警', '救命', '救护车', '出事', '晕倒', '急事'],
  // the office
  ['办公时间', '上班时间', '几点上班', '几点下班', '上班', '下班', '开门', '关门', '营业时间'],
  ['电话', '联系', '联系方式', '号码', '打电话', '找谁', '座机'],
  ['办公室', '居委会', '服务中心', '党群服务中心', '社区办'],
  ['基金', '公益基金', '社区基金', '爱心基金'],
  ['慈善超市', 'igo', '爱心超市', '公益超市'],
  ['代领', '帮领', '替领', '代人领', '帮别人领', '委托', '代拿', '帮拿', '帮忙领', '叫人领', '替我'],
  ['节日', '过年', '春节', '中秋', '端午', '重阳', '元宵', '过节', '国庆', '年货'],
  ['二手', '旧衣服', '旧物', '闲置', '旧东西', '不用的东西', '手工艺品', '手工'],
  ['通知', '公告', '消息', '推送', '广播', '提醒'],
  ['语言', '英文', '英语', '中文', '切换'],
  ['人工', '工作人员', '真人', '客服', '找人', '答不上', '回答不了', '答不了', '问谁'],
  ['错过', '没去领', '忘记领', '没领到', '补领', '没赶上'],
  ['带什么', '要带', '证件', '身份证', '户口本'],
  ['登记', '申请', '认定', '评定', '入册'],
  ['条件', '资格', '符合', '够条件', '够格', '能领吗', '能不能领', '可以领吗', '有没有份', '哪些人', '什么人'],
  ['成果', '效果', '成绩', '办了几次', '多少人', '几多人'],
  ['账目', '明细', '用在哪', '用到哪', '花在哪', '去向', '公开', '查账', '余额', '花到', '用到', '钱去哪'],

  // English
  ['market', 'markets', 'fair', 'bazaar', 'market day'],
  ['sharpen', 'sharpening', 'sharpened', 'knife', 'knives', 'scissors', 'blade', 'blades', 'blunt'],
  ['collect', 'collecting', 'collection', 'pick up', 'pickup', 'receive', 'picking up'],
  [
    'relief',
    'aid',
    'assistance',
    'welfare',
    'subsidy',
    'hardship',
    'needy',
    'package',
    'packages',
    'parcel',
    'supplies',
  ],
  ['special needs', 'special need', 'registered', 'low income', 'disabled', 'disability', 'poor', 'vulnerable'],
  ['donate', 'donation', 'donations', 'donating', 'donor', 'contribute', 'contribution', 'give money'],
  ['monthly donation', 'donate monthly', 'every month donation', 'monthly giving', 'regular donation'],
  ['online', 'transfer', 'alipay', 'wechat pay', 'bank transfer', 'pay online', 'internet', 'card payment'],
  ['volunteer', 'volunteers', 'volunteering', 'helper', 'help out'],
  ['deputy', 'deputies', 'representative', 'representatives', 'congress', 'npc'],
  ['complain', 'complaint', 'complaints', 'petition', 'petitions', 'grievance', 'raise an issue', 'report a problem'],
  ['progress', 'status', 'follow up', 'track', 'reply', 'response', 'answered'],
  ['cosign', 'co sign', 'endorse', 'signature', 'join a petition', 'support a petition', 'add my name'],
  ['when', 'date', 'what day', 'which day', 'what time', 'schedule'],
  ['where', 'location', 'address', 'place', 'venue'],
  ['cost', 'costs', 'price', 'fee', 'fees', 'charge', 'free', 'pay', 'how much'],
  ['book', 'booking', 'booked', 'reserve', 'reservation', 'appointment', 'sign up', 'signup', 'slot'],
  ['what kinds', 'kinds of', 'types of', 'what sorts', 'which services', 'list of'],
  ['cancel', 'cancellation', 'reschedule', 'change my booking', 'cannot come', 'can t come'],
  ['walk in', 'without booking', 'without a booking', 'just show up', 'just turn up', 'drop in'],
  ['haircut', 'hair', 'barber', 'trim'],
  ['sewing', 'sew', 'mend', 'mending', 'tailor', 'stitch', 'alteration', 'alterations', 'button', 'zip', 'zipper'],
  ['shoe', 'shoes', 'cobbler', 'sole', 'heel'],
  [
    'appliance',
    'appliances',
    'electrical',
    'tv',
    'television',
    'fridge',
    'washing machine',
    'fan',
    'rice cooker',
    'microwave',
  ],
  ['housekeeping', 'cleaning', 'cleaner', 'domestic', 'housework', 'maid', 'house cleaning'],
  ['blood pressure', 'blood', 'bp', 'health check', 'checkup', 'check up'],
  ['legal', 'lawyer', 'law', 'lawyers', 'dispute', 'attorney', 'rights'],
  ['mental', 'psychological', 'counselling', 'counseling', 'stress', 'anxiety', 'depression', 'emotional', 'lonely'],
  ['phone', 'smartphone', 'mobile', 'wechat', 'cellphone', 'video call'],
  ['key', 'keys', 'locksmith', 'key cutting', 'spare key'],
  ['skill', 'skills', 'craftsman', 'offer a service', 'provide a service', 'offer service'],
  ['partner', 'partners', 'partnership', 'business', 'company', 'sponsor', 'cooperate', 'cooperation'],
  ['kids', 'children', 'child', 'kid', 'grandchild', 'grandson', 'granddaughter', 'son', 'daughter', 'grandkids'],
  ['class', 'classes', 'homework', 'tutoring', 'lesson', 'lessons', 'activities', 'club'],
  ['learn', 'learning', 'teach', 'teaching', 'show me', 'how to use'],
  ['talk', 'talks', 'lecture', 'lectures', 'seminar', 'workshop', 'workshops'],
  ['fire', 'fires', 'extinguisher', 'flammable', 'smoke', 'burning'],
  ['e bike', 'ebike', 'e bikes', 'scooter', 'charging', 'electric bike'],
  ['hazard', 'hazards', 'danger', 'dangerous', 'unsafe', 'blocked', 'risk'],
  ['emergency', 'urgent', 'ambulance', 'police'],
  ['hours', 'opening', 'open', 'office hours', 'working hours', 'closing', 'closed'],
  ['contact', 'phone number', 'call', 'telephone', 'email', 'reach'],
  ['office', 'committee', 'neighbourhood committee', 'service center', 'service centre'],
  ['fund', 'funds', 'charity fund', 'foundation'],
  ['supermarket', 'charity shop', 'igo', 'store', 'shop', 'thrift'],
  ['proxy', 'on behalf', 'someone else', 'behalf', 'authorise', 'authorize'],
  ['festival', 'festivals', 'holiday', 'holidays', 'spring festival', 'new year', 'mid autumn', 'dragon boat'],
  ['second hand', 'secondhand', 'used goods', 'old clothes', 'handicraft', 'handicrafts', 'crafts', 'unwanted'],
  ['notice', 'notices', 'notification', 'notifications', 'announcement', 'announcements', 'broadcast', 'alerts'],
  ['language', 'english', 'chinese', 'switch'],
  ['human', 'staff', 'real person', 'operator', 'agent', 'someone'],
  ['missed', 'miss', 'forgot', 'late'],
  ['bring', 'id', 'documents', 'id card'],
  ['register', 'registration', 'apply', 'application'],
  ['eligible', 'eligibility', 'qualify', 'qualifies', 'allowed', 'entitled', 'who can'],
  ['results', 'achievements', 'impact', 'how many people', 'so far'],
  ['accounts', 'spent', 'spending', 'used for', 'transparent', 'balance', 'ledger'],
  ['flood', 'flooding', 'floods', 'culvert', 'waterlogging', 'rain'],
  ['face to face', 'meeting', 'bureau', 'chief'],
];

/** Where a group's variant occurs: code-unit offsets in the normalised text (Chinese), or word offsets (Latin). */
export interface SynonymMatch {
  group: string;
  start: number;
  end: number;
  latin: boolean;
}

const CJK = /[\u3400-\u9fff]/u;
let cjkByFirst: Map<string, { text: string; group: string }[]> | undefined;
let latinByFirst: Map<string, { words: string[]; group: string }[]> | undefined;

function build(): void {
  const cjk = new Map<string, { text: string; group: string }[]>();
  const latin = new Map<string, { words: string[]; group: string }[]>();
  for (const group of SYNONYM_GROUPS) {
    const canonical = group[0] ?? '';
    for (const text of group) {
      if (CJK.test(text)) {
        const first = text[0] ?? '';
        cjk.set(first, [...(cjk.get(first) ?? []), { text, group: canonical }]);
      } else {
        const words = text.split(' ');
        const first = words[0] ?? '';
        latin.set(first, [...(latin.get(first) ?? []), { words, group: canonical }]);
      }
    }
  }
  [cjkByFirst, latinByFirst] = [cjk, latin];
}

/**
 * Every occurrence of a variant: Chinese variants as substrings of the normalised text (the segmenter splits
 * unknown words unpredictably, so word boundaries cannot be trusted), Latin variants as whole-word sequences.
 */
export function findSynonyms(norm: string, latinWords: readonly string[]): SynonymMatch[] {
  if (!cjkByFirst || !latinByFirst) build();
  const out: SynonymMatch[] = [];
  for (let i = 0; i < norm.length; i++) {
    for (const v of cjkByFirst?.get(norm[i] ?? '') ?? []) {
      if (norm.startsWith(v.text, i)) out.push({ group: v.group, start: i, end: i + v.text.length, latin: false });
    }
  }
  for (let i = 0; i < latinWords.length; i++) {
    for (const v of latinByFirst?.get(latinWords[i] ?? '') ?? []) {
      if (v.words.every((w, k) => latinWords[i + k] === w))
        out.push({ group: v.group, start: i, end: i + v.words.length, latin: true });
    }
  }
  return out;
}
