import type { DirectoryService, NewPartnerInput } from './service/directory';
import type { TeamsService } from './service/teams';

// Demo partners of 月塘街道 (every name here is demo data). Contacts are made-up numbers for staff eyes only.
const DEMO_PARTNERS: NewPartnerInput[] = [
  {
    name: '乐乐超市',
    type: 'business',
    description: '小区门口的连锁超市，消费捐合作商家。',
    contact: '王店长 0731-2800 1001',
    offers: [
      { kind: 'discount', detail: '凭社区志愿者证购物 9.5 折' },
      { kind: 'money', detail: '每笔消费的 1% 计入社区基金' },
    ],
  },
  {
    name: '荷塘区阳光社会工作服务中心',
    type: 'group',
    description: '专业社工机构，开展困难家庭走访和周末儿童课堂。',
    contact: '李社工 0731-2800 1002',
    offers: [{ kind: 'service', detail: '周末儿童课堂、心理疏导' }],
  },
  {
    name: '湖南工业大学青年志愿者服务队',
    type: 'group',
    description: '大学生志愿者，每月市集日来帮忙。',
    contact: '团委 陈老师 0731-2800 1003',
    offers: [{ kind: 'service', detail: '市集日秩序引导、手机使用教学' }],
  },
  {
    name: '月塘物业服务中心',
    type: 'property',
    description: '负责多个小区的物业管理。',
    contact: '赵经理 0731-2800 1004',
    offers: [
      { kind: 'space', detail: '市集日场地和桌椅' },
      { kind: 'money', detail: '年度捐赠' },
    ],
  },
  {
    name: '荷塘区个体劳动者协会',
    type: 'association',
    description: '磨刀、修鞋、理发等手艺师傅的协会。',
    contact: '周会长 0731-2800 1005',
    offers: [{ kind: 'service', detail: '市集日磨刀、修鞋、理发' }],
  },
  {
    name: '快递小哥公益队',
    type: 'new_economy',
    description: '辖区快递员和外卖骑手组成的公益队伍。',
    contact: '队长 小刘 0731-2800 1006',
    offers: [{ kind: 'service', detail: '给行动不便的老人送爱心包' }],
  },
  {
    name: '张建国（党员）',
    type: 'individual',
    description: '退休党员，理发手艺好。',
    contact: '0731-2800 1007',
    offers: [{ kind: 'service', detail: '市集日义务理发' }],
  },
  {
    name: '荷塘区慈善会',
    type: 'association',
    description: '区级慈善组织，基金发起单位之一。',
    contact: '办公室 0731-2800 1008',
    offers: [{ kind: 'money', detail: '基金启动捐赠' }],
  },
  {
    name: '月塘街道商会',
    type: 'association',
    description: '辖区商户联合会，基金发起单位之一。',
    contact: '秘书处 0731-2800 1009',
    offers: [{ kind: 'money', detail: '基金启动捐赠' }],
  },
  {
    name: '野鸭冲社区居民委员会',
    type: 'group',
    description: '社区居委会，基金发起单位之一。',
    contact: '值班室 0731-2800 1010',
    offers: [{ kind: 'space', detail: '居委会活动室' }],
  },
];

const DEMO_TEAMS = [
  { name: '帮困服务队', description: '走访特殊群体，协助每月 5 日慈善超市领取。' },
  { name: '便民服务队', description: '野享市集日的磨刀、理发、缝补等便民服务。' },
  { name: '公益联盟', description: '商家、社工和高校志愿者的联合行动。' },
];

/** Loads the demo partners (the demo ledger names them as donors); names already listed are left alone. */
export async function seedDemoPartners(directory: DirectoryService): Promise<number> {
  let added = 0;
  for (const p of DEMO_PARTNERS) {
    if (await directory.partnerByName(p.name)) continue;
    await directory.addPartner(null, p);
    added++;
  }
  return added;
}

/** Loads the demo teams; safe to run again. */
export async function seedDemoTeams(teams: TeamsService): Promise<number> {
  let added = 0;
  for (const t of DEMO_TEAMS) {
    if (await teams.teamByName(t.name)) continue;
    await teams.createTeam(null, t.name, t.description);
    added++;
  }
  return added;
}
