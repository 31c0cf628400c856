// Words the generator builds names, places and texts from: enough variety that text indexes and LIKE searches see
// realistic distributions, none of it meaningful.

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const GIVEN = [...'秀英桂兰玉华建国志强军平丽红敏杰伟芳娟勇涛明超霞刚燕辉鹏婷磊洁德福春梅金凤海文荣庆云宝珍'];
export const EN_FIRST = [
  'Tom',
  'Anna',
  'David',
  'Maria',
  'John',
  'Lucy',
  'Peter',
  'Emma',
  'Mark',
  'Sara',
  'Paul',
  'Eva',
];
export const EN_LAST = ['Smith', 'Brown', 'Müller', 'Garcia', 'Rossi', 'Novak', 'Kim', 'Silva', 'Jones', 'Lee'];

/** Four more communities of 月塘街道 beyond the two of the demo, with their compounds. */
export const MORE_PLACES: [string, string, [string, string][]][] = [
  [
    '建设村社区',
    'Jianshecun Community',
    [
      ['建设新村', 'Jianshe New Village'],
      ['建设花园', 'Jianshe Garden'],
      ['荷塘月色', 'Hetang Moonlight'],
      ['东方名苑', 'Dongfang Court'],
      ['和平里', 'Hepingli'],
    ],
  ],
  [
    '新华社区',
    'Xinhua Community',
    [
      ['新华小区', 'Xinhua Estate'],
      ['华晨家园', 'Huachen Home'],
      ['湘江苑', 'Xiangjiang Court'],
      ['翠竹园', 'Cuizhu Garden'],
      ['阳光城', 'Sunshine City'],
      ['锦绣华庭', 'Jinxiu Court'],
    ],
  ],
  [
    '荷花社区',
    'Hehua Community',
    [
      ['荷花园', 'Lotus Garden'],
      ['荷塘雅苑', 'Hetang Yayuan'],
      ['清水塘', 'Qingshuitang'],
      ['五一新村', 'Wuyi New Village'],
      ['丽景苑', 'Lijing Court'],
    ],
  ],
  [
    '茨菇塘社区',
    'Cigutang Community',
    [
      ['茨菇塘小区', 'Cigutang Estate'],
      ['钻石花园', 'Diamond Garden'],
      ['南方花园', 'Southern Garden'],
      ['金桂苑', 'Jingui Court'],
      ['铁西新村', 'Tiexi New Village'],
      ['新塘湾', 'Xintangwan'],
    ],
  ],
];

export const SPOTS = [
  '东门口',
  '西门停车场',
  '3栋楼下',
  '5栋一楼楼道',
  '12栋旁边的小路',
  '垃圾站旁',
  '篮球场',
  '儿童游乐区',
  '菜市场路口',
  '公交站台',
  '地下车库入口',
  '北面围墙',
  '健身器材处',
  '排水沟',
  '路灯下',
];

export const PETITION_TEXTS: Record<string, string[]> = {
  roads: [
    '路面坑坑洼洼，下雨天全是积水，老人走路容易摔跤，希望尽快修补。',
    '一下雨就积水，水深到膝盖，电动车和行人都过不去，每天很多人要绕路。',
    '人行道的地砖松动翘起来了，晚上看不清，已经有人绊倒。',
    '井盖破损，有一角塌下去了，车开过去咣当响，很危险。',
  ],
  safety: [
    '消防通道被杂物和电动车堵死了，真着火了人出不去。',
    '楼道里有人给电动车飞线充电，电线从窗户拉下来，很担心出事。',
    '围墙有个缺口，晚上常有陌生人进出，希望加装门禁或者修好围墙。',
    '路口没有减速带，车速很快，孩子上学过马路很危险。',
  ],
  sanitation: [
    '垃圾站好几天没人清运，味道很大，招苍蝇老鼠。',
    '楼下化粪池堵了，污水漫到路面上，臭气熏天。',
    '有人在绿化带里乱倒建筑垃圾，越堆越多。',
    '垃圾分类桶长期不清洗，夏天气味难闻。',
  ],
  noise: [
    '晚上十点以后广场舞音响还开得很大声，影响休息。',
    '附近工地夜里施工，机器轰隆隆到凌晨。',
    '楼下烧烤店油烟和噪音都很大，一直营业到后半夜。',
  ],
  facilities: [
    '小区路灯坏了半个月了，晚上黑漆漆的，老人不敢出门。',
    '健身器材坏了好几件，螺丝松动，孩子玩很危险。',
    '电梯经常停运，老人上下楼很困难，希望检修。',
    '单元门的门禁坏了，谁都能进来。',
  ],
  other: [
    '希望社区能多组织一些老年人活动，比如书法班和太极拳。',
    '快递柜太少，包裹经常放在门口被拿走。',
    '小区里流浪狗越来越多，有人被追咬，希望处理。',
  ],
};

export const NOTICE_TEXTS = [
  '【停水通知】因管网维修，本周六 8:00–18:00 停水，请提前储水。',
  '【消防演练】下周三上午在小区中心广场举行消防演练，欢迎居民参加。',
  '【疫苗接种】社区卫生服务站本月为 60 岁以上老人免费接种流感疫苗，请带身份证。',
  '【野享市集】本月市集将在新的小区举办，磨刀、理发、修鞋等免费服务，欢迎预约。',
  '【防诈骗提醒】近期有冒充社区工作人员上门收费的情况，请勿轻信，有疑问请致电社区。',
  '【停电通知】供电公司检修线路，明天 9:00–15:00 部分楼栋停电。',
  '【文明养犬】请遛狗时牵绳并及时清理粪便，共同维护小区环境。',
  '【便民服务】社区法律顾问每周四下午在社区服务中心坐班，免费咨询。',
  '【垃圾分类】新的垃圾分类时间为每天 7:00–9:00 和 18:00–20:00，请按时投放。',
  '【暑期课堂】周末儿童公益课堂开始报名，书法、绘画、科学实验，名额有限。',
];

export const DETAILS: Record<string, string[]> = {
  shoes: ['皮鞋鞋底开胶了', '运动鞋后跟磨破了', '靴子拉链坏了'],
  sewing: ['裤脚要改短两公分', '外套拉链坏了要换', '被套破了个洞'],
  appliance: ['电饭煲不加热了', '电风扇不转', '电水壶开关坏了', '微波炉有异响'],
  umbrella: ['伞骨断了两根', '自动伞打不开'],
  watch: ['手表不走了，可能要换电池', '表带断了'],
  glasses: ['眼镜腿松了', '镜框螺丝掉了'],
  bike: ['自行车刹车不灵', '车胎漏气', '链条老掉'],
  legal: ['想咨询房屋租赁合同的问题', '赡养费纠纷怎么处理', '邻居漏水赔偿'],
};

export const HANDOFF_ANSWERS = [
  '您好，这个问题已经帮您问过了，请周一上午到社区服务中心二楼办理，记得带身份证和户口本。',
  '您好，已经联系物业，明天会派人上门查看。',
  '谢谢反映，我们已登记，会在下次市集安排这项服务。',
  '您好，这项补贴需要本人申请，社区可以帮忙填表，工作日都可以来。',
];

export const FUND_NOTES = ['乐乐超市消费捐', '二手货架义卖', '慈善超市手工品', '月月捐', '企业定向捐赠', ''];
