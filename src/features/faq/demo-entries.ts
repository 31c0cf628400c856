import type { FaqEntry } from './matcher';

/**
 * Seed knowledge base of the demo deployment (月塘街道, 株洲 荷塘区; communities 野鸭冲社区 and 石子头社区).
 * Every address and phone number here is fictional. Answers are short, plain sentences for elderly readers.
 * Each key has a Chinese and an English version; the key ties the two together in seeds and evaluation.
 */
export interface DemoFaqText {
  question: string;
  phrasings: string[];
  keywords: string[];
  answer: string;
}

export interface DemoFaqEntry {
  key: string;
  category: string;
  zh: DemoFaqText;
  en: DemoFaqText;
}

const t = (question: string, phrasings: string[], keywords: string[], answer: string): DemoFaqText => ({
  question,
  phrasings,
  keywords,
  answer,
});

export const demoFaqEntries: DemoFaqEntry[] = [
  // ── 野享市集 ────────────────────────────────────────────────────────────────
  {
    key: 'market-what',
    category: 'market',
    zh: t(
      '野享市集是什么？',
      ['什么是野享市集', '野享市集是干什么的', '社区的便民市集是怎么回事', '市集办得怎么样'],
      ['野享市集', '便民市集', '赶集'],
      '野享市集是月塘街道的便民市集，每月办一次，轮流在各个小区举办。现场有大约20项免费服务，比如磨刀、理发、缝补、修鞋、家电维修、量血压、法律咨询。已经办了9场，服务600多位居民，解决了294个问题。',
    ),
    en: t(
      'What is the Yexiang market day?',
      [
        'What is the community market',
        'Tell me about the Yexiang market',
        'What happens at the market day',
        'How has the market day gone so far',
      ],
      ['Yexiang', 'market day', 'community market'],
      'The Yexiang market (野享市集) is a free service day held once a month, each time in a different residential compound. About 20 free services are offered, such as knife sharpening, haircuts, mending, shoe repair, appliance repair, blood pressure checks and legal advice. Nine market days have served 600+ residents and solved 294 problems.',
    ),
  },
  {
    key: 'market-when',
    category: 'market',
    zh: t(
      '野享市集什么时候办？',
      ['市集哪天举办', '市集几号开', '这个月的市集是哪一天', '市集多久办一次', '下一次市集是什么时候'],
      ['市集时间', '日期', '每月一次'],
      '野享市集每个月办一次。具体日期会提前在机器人里通知，也会贴在小区公告栏。点"市集预约"也能看到最近一场的时间。',
    ),
    en: t(
      'When is the market day?',
      [
        'What date is the next market',
        'How often is the market held',
        'Which day is the market this month',
        'When does the market take place',
      ],
      ['date', 'monthly', 'schedule'],
      'The market is held once a month. The date is announced in the bot in advance and posted on the notice board of each compound. Tap "Market booking" to see the date of the next one.',
    ),
  },
  {
    key: 'market-where',
    category: 'market',
    zh: t(
      '野享市集在哪里办？',
      ['市集在什么地方', '市集办在哪个小区', '这次市集的地点在哪', '去哪里赶集'],
      ['地点', '小区', '轮流'],
      '市集轮流在各个小区举办，每次地点不一样。地点会和通知一起发出，点"市集预约"也能看到最近一场在哪里。',
    ),
    en: t(
      'Where is the market day held?',
      ['Where is the next market', 'Which compound hosts the market', 'What is the market location'],
      ['location', 'compound', 'venue'],
      'The market moves between residential compounds, so the place changes each time. The place comes with the notice, and "Market booking" shows where the next one is.',
    ),
  },
  {
    key: 'market-services',
    category: 'market',
    zh: t(
      '市集上有哪些服务？',
      ['市集可以办什么事', '市集都有什么项目', '赶集能修什么东西', '市集提供哪些便民服务'],
      ['服务项目', '便民服务', '二十项'],
      '市集上大约有20项免费服务，常见的有：磨刀、理发、缝补衣服、修鞋、家电维修、家政服务、量血压、法律咨询、手机使用教学、配钥匙等。每次的项目略有不同，以通知为准。',
    ),
    en: t(
      'What services are at the market?',
      [
        'What can I get done at the market',
        'List of market services',
        'What does the market offer',
        'What can be repaired at the market',
      ],
      ['services', 'repairs'],
      'About 20 free services, usually: knife sharpening, haircuts, mending clothes, shoe repair, appliance repair, housekeeping services, blood pressure checks, legal advice, smartphone lessons and key cutting. The list varies a little; the notice for each market day has it.',
    ),
  },
  {
    key: 'market-cost',
    category: 'market',
    zh: t(
      '市集上的服务要收费吗？',
      ['市集服务免费吗', '在市集理发要钱吗', '市集修东西收不收钱', '去市集要花钱吗'],
      ['免费', '收费'],
      '市集上的服务都是免费的。',
    ),
    en: t(
      'Do market services cost anything?',
      ['Is the market free', 'How much does a haircut at the market cost', 'Do I have to pay at the market'],
      ['free', 'price', 'cost'],
      'All services at the market are free.',
    ),
  },
  {
    key: 'market-book',
    category: 'market',
    zh: t(
      '怎么预约市集服务？',
      ['市集怎么报名', '我想预约磨刀怎么弄', '在机器人里怎么约市集', '市集服务要提前预约吗'],
      ['预约', '报名', '市集预约'],
      '点机器人菜单里的"市集预约"按钮，选服务项目和时间段，确认就行。预约成功后，市集前会收到提醒。',
    ),
    en: t(
      'How do I book a market service?',
      [
        'How to make a booking for the market',
        'Can I reserve a slot at the market',
        'Do I need to book in advance',
        'How do I sign up for a market service',
      ],
      ['booking', 'reserve', 'Market booking'],
      'Tap the "Market booking" button in the bot menu, pick a service and a time slot, and confirm. You will get a reminder before the market day.',
    ),
  },
  {
    key: 'market-cancel',
    category: 'market',
    zh: t(
      '市集预约了去不了怎么办？',
      ['怎么取消市集预约', '预约的时间能改吗', '约了理发但是那天有事', '不想去了怎么退掉预约'],
      ['取消预约', '改时间'],
      '点"市集预约"，找到您的预约，点"取消"。想换时间，先取消再重新约。请尽早取消，把位置让给别人。',
    ),
    en: t(
      'I booked but cannot come. What should I do?',
      ['How do I cancel my market booking', 'Can I change my booking time', 'How to reschedule a market appointment'],
      ['cancel', 'reschedule'],
      'Tap "Market booking", find your booking and tap "Cancel". To change the time, cancel and book again. Please cancel early so someone else can have the slot.',
    ),
  },
  {
    key: 'market-walkin',
    category: 'market',
    zh: t(
      '没有预约能直接去市集吗？',
      ['不预约可以去市集吗', '市集现场能排队吗', '没报名能不能去赶集'],
      ['现场排队', '不预约'],
      '可以直接去。有预约的居民优先，没预约的在现场排队，人多时要等一会儿。',
    ),
    en: t(
      'Can I go to the market without a booking?',
      ['Can I just walk in at the market', 'Is booking required for the market', 'Can I queue on the day'],
      ['walk in', 'queue'],
      'Yes, you can just come. Residents with a booking go first; without one you queue on the spot, which may take a while when it is busy.',
    ),
  },
  {
    key: 'market-knife',
    category: 'market',
    zh: t(
      '哪里可以磨刀？',
      ['市集有磨刀的吗', '菜刀钝了去哪里磨', '磨剪刀找谁', '社区有没有磨刀师傅'],
      ['磨刀', '磨剪刀', '菜刀', '剪刀'],
      '野享市集上有免费磨刀，菜刀、剪刀都可以磨。点"市集预约"选"磨刀"就能预约。',
    ),
    en: t(
      'Where can I get knives sharpened?',
      [
        'Is there knife sharpening at the market',
        'My kitchen knife is blunt, who can sharpen it',
        'Can you sharpen scissors',
      ],
      ['knife', 'sharpening', 'scissors'],
      'The Yexiang market has free knife sharpening, for kitchen knives and scissors. Tap "Market booking" and choose "Knife sharpening".',
    ),
  },
  {
    key: 'market-haircut',
    category: 'market',
    zh: t(
      '市集上可以理发吗？',
      ['哪里有免费理发', '老人剪头发去哪里', '社区有义剪吗'],
      ['理发', '剪头发', '义剪'],
      '可以。野享市集上有免费理发，老人小孩都可以剪。点"市集预约"选"理发"，免得排队。',
    ),
    en: t(
      'Can I get a haircut at the market?',
      ['Where can I get a free haircut', 'Is there a barber at the market', 'Haircuts for elderly people'],
      ['haircut', 'barber'],
      'Yes. The market offers free haircuts for young and old. Tap "Market booking" and choose "Haircut" to skip the queue.',
    ),
  },
  {
    key: 'market-sewing',
    category: 'market',
    zh: t(
      '衣服破了哪里可以补？',
      ['市集能缝补衣服吗', '裤子要改短找谁', '掉了扣子哪里能钉', '有没有缝补服务'],
      ['缝补', '补衣服', '改裤脚', '钉扣子'],
      '野享市集上有缝补服务：补衣服、改裤脚、钉扣子、换拉链都可以。带上衣服，点"市集预约"选"缝补"。',
    ),
    en: t(
      'Where can I get clothes mended?',
      ['Is there sewing at the market', 'I need my trousers shortened', 'Can someone sew a button back on'],
      ['mending', 'sewing', 'alterations'],
      'The market has a mending stall: patching, shortening trousers, sewing on buttons and replacing zips. Bring the clothes and book "Mending" under "Market booking".',
    ),
  },
  {
    key: 'market-shoes',
    category: 'market',
    zh: t(
      '鞋子坏了哪里可以修？',
      ['市集能修鞋吗', '鞋底掉了去哪补', '有补鞋的师傅吗'],
      ['修鞋', '补鞋', '鞋底', '鞋跟'],
      '野享市集上有修鞋师傅，可以补鞋、粘鞋底、换鞋跟。点"市集预约"选"修鞋"。',
    ),
    en: t(
      'Where can I get my shoes repaired?',
      ['Is there shoe repair at the market', 'The sole of my shoe came off', 'Is there a cobbler'],
      ['shoe repair', 'cobbler'],
      'A cobbler comes to the market: patching, re-gluing soles, new heels. Tap "Market booking" and choose "Shoe repair".',
    ),
  },
  {
    key: 'market-appliance',
    category: 'market',
    zh: t(
      '家电坏了市集能修吗？',
      ['电饭锅坏了去哪里修', '市集修不修电视', '家里电风扇不转了找谁修', '有家电维修吗'],
      ['家电维修', '修电器', '电饭锅', '电风扇'],
      '野享市集上有家电维修，电饭锅、电风扇、电视机这类家电都可以拿来看看。大件不方便搬的，请先打社区电话0731-0000-0000问一下。',
    ),
    en: t(
      'Can the market repair my appliance?',
      ['My rice cooker is broken, where can I fix it', 'Do you repair TVs', 'My electric fan stopped working'],
      ['appliance repair', 'electrical'],
      'Yes, the market has appliance repair: bring rice cookers, fans, TVs and the like. For large items that are hard to carry, call the office first: 0731-0000-0000.',
    ),
  },
  {
    key: 'market-housekeeping',
    category: 'market',
    zh: t(
      '市集有家政服务吗？',
      ['想找保洁阿姨怎么办', '市集上能预约家政吗', '家里要打扫卫生找谁'],
      ['家政', '保洁', '钟点工'],
      '有。野享市集上有家政服务摊位，可以现场咨询和预约保洁等家政服务。',
    ),
    en: t(
      'Is there a housekeeping service at the market?',
      ['I need a cleaner for my home', 'Can I book home cleaning at the market', 'Who can clean my flat'],
      ['housekeeping', 'cleaning'],
      'Yes. The market has a housekeeping stall where you can ask about and arrange cleaning and other home services.',
    ),
  },
  {
    key: 'market-health',
    category: 'market',
    zh: t(
      '市集上可以量血压吗？',
      ['哪里能免费测血压', '市集有义诊吗', '老人想量个血压去哪'],
      ['量血压', '测血压', '义诊'],
      '可以，野享市集上有免费量血压。身体不舒服请及时去医院，急症请打120。',
    ),
    en: t(
      'Can I get my blood pressure checked at the market?',
      [
        'Where can I check my blood pressure for free',
        'Is there a health check at the market',
        'Can an old person get a free health check',
      ],
      ['blood pressure', 'health check'],
      'Yes, the market offers free blood pressure checks. If you feel unwell, please see a doctor; in an emergency call 120.',
    ),
  },
  {
    key: 'market-phone',
    category: 'market',
    zh: t(
      '老人想学用手机，哪里教？',
      ['市集上有教手机的吗', '不会用微信视频怎么办', '手机不会用找谁学', '有手机培训吗'],
      ['手机教学', '智能手机', '微信'],
      '野享市集上有手机使用教学，志愿者一对一教您用微信、视频通话、扫码等。带上手机就行。',
    ),
    en: t(
      'Where can I learn to use my smartphone?',
      [
        'Are there phone lessons at the market',
        'I cannot make WeChat video calls',
        'Who can teach my mother to use her phone',
      ],
      ['smartphone', 'lessons', 'WeChat'],
      'The market has smartphone lessons: a volunteer shows you one to one how to use WeChat, make video calls and scan codes. Just bring your phone.',
    ),
  },
  {
    key: 'market-keys',
    category: 'market',
    zh: t(
      '哪里可以配钥匙？',
      ['市集能配钥匙吗', '想多配一把钥匙', '配锁匙去哪里'],
      ['配钥匙', '钥匙'],
      '野享市集上有配钥匙服务，带上原来的钥匙就能配。',
    ),
    en: t(
      'Where can I get a key copied?',
      ['Is there key cutting at the market', 'I need a spare key', 'Where do I get keys cut'],
      ['key cutting', 'spare key'],
      'The market has key cutting. Bring the key you want copied.',
    ),
  },
  {
    key: 'market-offer',
    category: 'market',
    zh: t(
      '我有手艺，能去市集提供服务吗？',
      ['我会理发，想去市集帮忙', '怎么报名在市集摆摊服务', '商家能不能来市集参加'],
      ['提供服务', '摆摊', '手艺'],
      '欢迎！会手艺的居民可以加入便民服务队，商家和单位可以成为社区合伙人，在市集上提供服务。请联系社区办公室报名，电话0731-0000-0000。',
    ),
    en: t(
      'I have a skill. Can I offer a service at the market?',
      [
        'Can my shop join the market day',
        'How do I run a stall at the market',
        'I can fix things and want to help at the market',
      ],
      ['offer a service', 'stall', 'skills'],
      'Welcome! Skilled residents can join the convenience service team, and businesses can become community partners and serve at the market. Call the office to sign up: 0731-0000-0000.',
    ),
  },
  {
    key: 'legal-advice',
    category: 'market',
    zh: t(
      '有法律问题可以找谁咨询？',
      ['哪里有免费法律咨询', '我想问律师问题', '家里有纠纷找谁问问', '市集上有律师吗'],
      ['法律咨询', '律师', '纠纷', '法律援助'],
      '野享市集上有免费法律咨询，可以当面问律师。需要法律援助的，可以先联系社区办公室，电话0731-0000-0000。',
    ),
    en: t(
      'Where can I get legal advice?',
      ['Is there a free lawyer', 'I have a dispute and need advice', 'Is there legal aid'],
      ['legal advice', 'lawyer', 'legal aid'],
      'The market offers free legal advice from a lawyer, face to face. If you need legal aid, contact the community office first: 0731-0000-0000.',
    ),
  },

  // ── 讲座与课堂 ──────────────────────────────────────────────────────────────
  {
    key: 'talks-legal',
    category: 'classes',
    zh: t(
      '社区有法律讲座吗？',
      ['普法讲座什么时候办', '法律援助讲座在哪里听', '有没有讲法律知识的课'],
      ['法律讲座', '普法', '法律援助讲座'],
      '社区不定期办法律援助讲座，讲赡养、遗产、防诈骗这些大家关心的事，免费参加。时间地点会在机器人里通知。',
    ),
    en: t(
      'Are there talks about the law?',
      ['When is the next legal talk', 'Legal aid lecture schedule', 'Is there a lecture on legal rights'],
      ['legal talk', 'lecture'],
      'The community holds free legal-aid talks from time to time, on things like caring for parents, inheritance and scams. Dates and places are announced in the bot.',
    ),
  },
  {
    key: 'talks-mental',
    category: 'classes',
    zh: t(
      '有心理健康讲座吗？',
      ['心情不好可以找谁聊聊', '社区有心理咨询吗', '老是睡不着心里烦怎么办'],
      ['心理健康', '心理咨询', '情绪'],
      '社区不定期办心理健康讲座，时间看机器人里的通知。心里难受想找人说说，可以联系社区办公室，工作人员会帮您联系专业的人。有危险请马上打110或120。',
    ),
    en: t(
      'Are there mental health talks?',
      ['I feel low, who can I talk to', 'Is there counselling in the community', 'I cannot sleep and feel anxious'],
      ['mental health', 'counselling'],
      'The community holds mental-health talks from time to time; see the notices in the bot. If you are struggling and want to talk, contact the office and staff will put you in touch with a professional. If anyone is in danger, call 110 or 120 now.',
    ),
  },
  {
    key: 'kids-classes',
    category: 'classes',
    zh: t(
      '周末有给小孩上的课吗？',
      ['社区有儿童兴趣班吗', '孩子周末可以去哪里学习', '周末课堂怎么报名'],
      ['周末课堂', '儿童', '孩子', '兴趣班'],
      '有。社区周末给孩子办公益课堂，志愿者辅导作业、带兴趣活动，免费参加。安排和报名看机器人里的通知，或问社区办公室。',
    ),
    en: t(
      'Are there weekend classes for children?',
      [
        'What can kids do at the weekend',
        'How do I sign my child up for the weekend class',
        'Is there a homework club for kids',
      ],
      ['weekend class', 'children'],
      'Yes. Free weekend classes for children, with volunteers helping with homework and hobbies. See the notices in the bot or ask the office to sign up.',
    ),
  },

  // ── 救助物资 ────────────────────────────────────────────────────────────────
  {
    key: 'relief-when',
    category: 'relief',
    zh: t(
      '救助物资几号领？',
      ['每个月什么时候领东西', '物资是哪天发', '几号去慈善超市领物资', '这个月领东西是哪天'],
      ['每月5号', '领物资', '发放时间'],
      '每个月5号发放。如有调整，会提前在机器人里通知。',
    ),
    en: t(
      'When is the relief package handed out?',
      ['Which day can I collect my package', 'What date is the monthly pickup', 'When do I collect relief supplies'],
      ['5th', 'monthly', 'pickup'],
      'On the 5th of every month. Any change is announced in the bot in advance.',
    ),
  },
  {
    key: 'relief-where',
    category: 'relief',
    zh: t(
      '救助物资在哪里领？',
      ['去哪里领东西', '领物资的地方在哪', 'IGO慈善超市在哪里'],
      ['领取地点', 'IGO慈善超市'],
      '在IGO慈善超市领取，地址是示范路28号。',
    ),
    en: t(
      'Where do I collect the relief package?',
      ['Where is the pickup', 'Where is the IGO charity supermarket', 'Where do I pick up the supplies'],
      ['pickup place', 'IGO'],
      'At the IGO charity supermarket, 28 Shifan Road.',
    ),
  },
  {
    key: 'relief-who',
    category: 'relief',
    zh: t(
      '谁可以领救助物资？',
      ['什么人能领每月的物资', '我能不能领救助', '领物资要什么条件', '特殊群体指哪些人'],
      ['特殊群体', '条件'],
      '在社区登记的特殊群体可以领，比如低保、特困、残疾、独居困难老人等，现在登记的有169人。不确定自己符不符合，请问社区办公室。',
    ),
    en: t(
      'Who can get the relief package?',
      [
        'Am I eligible for the monthly package',
        'Who counts as a person in special need',
        'Who qualifies for relief supplies',
      ],
      ['eligible', 'special need'],
      'People in special need registered with the community, such as low-income, disabled or elderly people living alone in hardship; 169 are registered now. If you are unsure, ask the office.',
    ),
  },
  {
    key: 'relief-register',
    category: 'relief',
    zh: t(
      '怎么申请救助？',
      ['怎么登记成特殊群体', '家里困难想申请帮扶', '救助去哪里申请'],
      ['申请', '登记', '帮扶'],
      '请带身份证和户口本到社区办公室申请，工作人员会帮您登记和审核。审核通过后，每月5号就能领取。',
    ),
    en: t(
      'How do I apply for relief?',
      [
        'How do I register as a person in special need',
        'My family is struggling, can we get help',
        'Where do I apply for assistance',
      ],
      ['apply', 'register'],
      'Bring your ID card and household register to the community office; staff will register and check your application. Once approved, you collect on the 5th of each month.',
    ),
  },
  {
    key: 'relief-bring',
    category: 'relief',
    zh: t(
      '领物资要带什么？',
      ['领东西要带证件吗', '去慈善超市领物资带什么', '领的时候要身份证吗'],
      ['身份证', '证件'],
      '请带本人身份证，到场后工作人员帮您签到。',
    ),
    en: t(
      'What do I need to bring to collect the package?',
      ['Do I need ID for the pickup', 'What documents for collecting supplies', 'Should I bring my ID card'],
      ['ID card', 'documents'],
      'Bring your own ID card; staff will check you in on the spot.',
    ),
  },
  {
    key: 'relief-proxy',
    category: 'relief',
    zh: t(
      '我去不了，可以让家人代领吗？',
      ['能不能帮我妈领物资', '代领需要什么', '老人腿脚不便谁能替他领', '可以委托别人领吗'],
      ['代领', '委托', '家属'],
      '可以代领。请提前在机器人里登记代领人，或打社区电话0731-0000-0000。代领人带上您和他自己的身份证。',
    ),
    en: t(
      'Can someone collect the package for me?',
      [
        'Can I pick up for my mother',
        'How does collecting by proxy work',
        'My father cannot walk, can I collect for him',
      ],
      ['proxy', 'on behalf'],
      'Yes. Register your proxy in the bot in advance, or call the office at 0731-0000-0000. The proxy brings your ID card and their own.',
    ),
  },
  {
    key: 'relief-festival',
    category: 'relief',
    zh: t(
      '过节有额外的物资吗？',
      ['春节发不发东西', '中秋节有没有额外的', '节日福利怎么领'],
      ['节日', '春节', '中秋'],
      '有。春节、中秋等节日，慈善超市会给登记的特殊群体额外发放食品，时间会提前在机器人里通知。',
    ),
    en: t(
      'Is there anything extra at festivals?',
      [
        'Do you hand out food at Spring Festival',
        'Mid-Autumn festival extras',
        'Are there holiday gifts for people in need',
      ],
      ['festival', 'holiday'],
      'Yes. At Spring Festival, Mid-Autumn and other festivals, registered people in special need get extra food. The date is announced in the bot.',
    ),
  },
  {
    key: 'relief-missed',
    category: 'relief',
    zh: t(
      '5号没去领怎么办？',
      ['错过了领物资的时间还能领吗', '上个月忘记去领了', '那天有事没领到怎么办'],
      ['错过', '补领'],
      '请尽快联系社区办公室，电话0731-0000-0000，工作人员会帮您安排。以后去不了可以提前登记代领人。',
    ),
    en: t(
      'I missed the pickup on the 5th. What now?',
      [
        'I forgot to collect my package',
        'Can I still collect after the 5th',
        'I was away on the 5th and did not get my package',
      ],
      ['missed', 'late'],
      'Contact the office soon at 0731-0000-0000 and staff will arrange it. Next time you can register a proxy in advance.',
    ),
  },
  {
    key: 'igo-shop',
    category: 'relief',
    zh: t(
      'IGO慈善超市是做什么的？',
      ['慈善超市卖东西吗', '慈善超市里有什么', '什么是IGO'],
      ['IGO慈善超市', '爱心货架'],
      'IGO慈善超市每月5号给登记的特殊群体发放物资。店里还有爱心货架，放着大家捐的二手物品和手工艺品，卖出的钱进入社区公益基金。',
    ),
    en: t(
      'What is the IGO charity supermarket?',
      ['What does the charity shop sell', 'What is IGO', 'What is on the charity shop shelf'],
      ['IGO', 'charity supermarket'],
      'The IGO charity supermarket hands out packages to registered people in special need on the 5th of each month. Its shelf of donated second-hand goods and handicrafts raises money for the community fund.',
    ),
  },
  {
    key: 'igo-donate-goods',
    category: 'relief',
    zh: t(
      '家里的旧东西可以捐吗？',
      ['旧衣服捐到哪里', '闲置物品怎么捐给慈善超市', '我做的手工艺品能放慈善超市卖吗'],
      ['捐旧物', '二手', '旧衣服', '手工艺品'],
      '可以。干净、能用的二手物品和手工艺品，请送到IGO慈善超市的爱心货架。卖出的钱进入社区公益基金。',
    ),
    en: t(
      'Can I donate things I no longer need?',
      [
        'Where can I give old clothes',
        'Can I sell my handicrafts at the charity shop',
        'Where can I donate second-hand goods',
      ],
      ['second-hand', 'old clothes', 'handicrafts'],
      'Yes. Bring clean, usable second-hand goods and handicrafts to the shelf at the IGO charity supermarket. What they sell for goes to the community fund.',
    ),
  },

  // ── 社区公益基金 ────────────────────────────────────────────────────────────
  {
    key: 'fund-what',
    category: 'fund',
    zh: t(
      '社区公益基金是什么？',
      ['社区基金是怎么来的', '公益基金什么时候成立的', '社区基金有多少钱'],
      ['社区公益基金', '基金'],
      '社区公益基金2024年7月4日成立，由25家单位和个人发起，首批筹集100500元，用来帮扶困难居民、办社区公益。到现在基金自己还挣了4222元。',
    ),
    en: t(
      'What is the community fund?',
      ['When was the community fund set up', 'How much money does the fund have', 'Who started the community fund'],
      ['community fund', 'charity fund'],
      'The community charity fund was founded on 4 July 2024 by 25 organisations and individuals with 100,500 yuan, to help residents in need and run community projects. It has raised 4,222 yuan itself so far.',
    ),
  },
  {
    key: 'fund-donate',
    category: 'fund',
    zh: t(
      '怎么给社区基金捐款？',
      ['我想捐钱给社区', '捐款去哪里捐', '怎么献爱心'],
      ['捐款', '捐钱', '捐赠'],
      '请到社区办公室当面捐款，工作人员会开收据、记账。机器人不收钱，也不会让您在网上付款。',
    ),
    en: t(
      'How do I donate to the community fund?',
      [
        'I want to give money to the community',
        'Where can I make a donation',
        'How can I contribute money to the fund',
      ],
      ['donate', 'donation'],
      'Please donate in person at the community office; staff give you a receipt and record it. The bot never takes money and never asks you to pay online.',
    ),
  },
  {
    key: 'fund-online',
    category: 'fund',
    zh: t(
      '可以在网上或微信转账捐款吗？',
      ['机器人能付款吗', '能扫码捐钱吗', '有人让我转账给社区基金是真的吗'],
      ['网上捐款', '转账', '扫码'],
      '不可以。机器人不收任何款项，捐款只在社区办公室当面办理。有人以社区名义让您转账，请不要转，打110或社区电话核实。',
    ),
    en: t(
      'Can I donate online or by transfer?',
      [
        'Can I pay through the bot',
        'Someone asked me to transfer money to the fund, is it real',
        'Can I donate with WeChat or Alipay',
      ],
      ['online', 'transfer', 'scam'],
      "No. The bot takes no payments; donations are only made in person at the office. If someone asks you to transfer money in the community's name, do not pay; call 110 or the office to check.",
    ),
  },
  {
    key: 'fund-types',
    category: 'fund',
    zh: t(
      '捐款有哪几种方式？',
      ['定向捐是什么意思', '消费捐怎么捐', '服务捐是什么'],
      ['定向捐', '消费捐', '月月捐', '服务捐'],
      '有四种：定向捐，指定帮某个人或某件事；消费捐，在合作商家消费，商家拿出一部分捐给基金；月月捐，每个月固定捐一点；服务捐，不捐钱，捐时间和手艺。',
    ),
    en: t(
      'What kinds of donation are there?',
      ['What is a directed donation', 'What is a service donation', 'What ways are there to give to the fund'],
      ['directed', 'consumption', 'monthly', 'service donation'],
      'Four kinds: directed (for a named person or project); consumption-linked (a partner shop gives part of what you spend); monthly (a fixed small amount each month); and in service (you give time and skills instead of money).',
    ),
  },
  {
    key: 'fund-monthly',
    category: 'fund',
    zh: t(
      '怎么参加月月捐？',
      ['每个月捐一点可以吗', '月月捐最少捐多少', '想每月固定捐钱'],
      ['月月捐', '每月'],
      '到社区办公室登记月月捐，金额自己定，多少都是心意。登记后每个月到办公室交就行。',
    ),
    en: t(
      'How do I give monthly?',
      [
        'Can I donate a little every month',
        'What is the minimum monthly donation',
        'I want to donate a fixed amount each month',
      ],
      ['monthly donation'],
      'Sign up for monthly giving at the community office. You choose the amount; every bit counts. Then bring it to the office each month.',
    ),
  },
  {
    key: 'fund-accounts',
    category: 'fund',
    zh: t(
      '基金的钱用在哪里了？',
      ['社区基金的账能查吗', '捐的钱去哪了', '基金现在还有多少钱'],
      ['账目', '公开', '余额'],
      '基金的每笔收支都记账公开。在机器人里点"社区基金"，可以看到收入、支出和余额。',
    ),
    en: t(
      'How is the fund money spent?',
      ['Can I see the fund accounts', 'Where did my donation go', 'Is the fund transparent'],
      ['accounts', 'spending', 'balance'],
      'Every income and expense of the fund is recorded openly. Tap "Community fund" in the bot to see income, spending and the balance.',
    ),
  },

  // ── 合伙人与志愿者 ──────────────────────────────────────────────────────────
  {
    key: 'partner-become',
    category: 'volunteer',
    zh: t(
      '怎么成为社区合伙人？',
      ['商家怎么和社区合作', '我们公司想参加社区公益', '什么是社区合伙人'],
      ['社区合伙人', '合作', '商家'],
      '党员、商家、社工机构、高校志愿队、协会、物业都可以成为社区合伙人，比如乐乐超市。请联系社区办公室商量合作方式，电话0731-0000-0000。',
    ),
    en: t(
      'How can I become a community partner?',
      [
        'Our company wants to work with the community',
        'What is a community partner',
        'Can my shop sponsor community projects',
      ],
      ['partner', 'business'],
      'Party members, businesses (such as Lele Supermarket), social-work centres, university volunteer teams, associations and property managers can all be partners. Call the office to talk it over: 0731-0000-0000.',
    ),
  },
  {
    key: 'volunteer-join',
    category: 'volunteer',
    zh: t(
      '怎么当志愿者？',
      ['我想做义工', '退休了想为社区出点力', '志愿者在哪里报名'],
      ['志愿者', '义工', '报名'],
      '欢迎！到社区办公室或打电话0731-0000-0000报名，说说您有空的时间和会做什么。社区有帮困服务队、便民服务队和公益联盟。',
    ),
    en: t(
      'How do I become a volunteer?',
      ['I want to volunteer', 'I am retired and want to help the community', 'Where do volunteers sign up'],
      ['volunteer', 'sign up'],
      'Welcome! Sign up at the office or call 0731-0000-0000, and tell us when you are free and what you can do. There are three teams: hardship support, convenience services and the charity alliance.',
    ),
  },
  {
    key: 'volunteer-teams',
    category: 'volunteer',
    zh: t(
      '社区有哪些志愿服务队？',
      ['帮困服务队是做什么的', '便民服务队和公益联盟有什么区别', '志愿队都干什么'],
      ['帮困服务队', '便民服务队', '公益联盟'],
      '帮困服务队：看望、帮助困难居民；便民服务队：在市集等场合提供理发、维修等便民服务；公益联盟：商家和单位一起办公益活动。',
    ),
    en: t(
      'What volunteer teams are there?',
      [
        'What does the hardship support team do',
        'What is the charity alliance',
        'What does the convenience service team do',
      ],
      ['teams', 'charity alliance'],
      'Hardship support team: visits and helps residents in difficulty. Convenience service team: haircuts, repairs and other services at the market. Charity alliance: businesses and organisations running charity projects together.',
    ),
  },

  // ── 安全 ────────────────────────────────────────────────────────────────────
  {
    key: 'fire-safety',
    category: 'safety',
    zh: t(
      '家里怎么防火？',
      ['消防安全要注意什么', '电动车能在楼道充电吗', '冬天用电要注意什么'],
      ['消防', '防火', '电动车', '楼道充电'],
      '电动车不要推进楼道和家里充电，不要飞线充电；出门关火关电；楼道不堆杂物，消防通道保持畅通；家里最好备一个灭火器。着火了马上打119。',
    ),
    en: t(
      'How do I prevent fires at home?',
      ['Fire safety tips', 'Can I charge my e-bike in the stairwell', 'How to stay safe from fire'],
      ['fire safety', 'e-bike'],
      'Never charge e-bikes in the stairwell or at home, and no cables hanging from windows; turn off gas and power when you go out; keep stairwells and fire exits clear; keep an extinguisher at home. In a fire, call 119 at once.',
    ),
  },
  {
    key: 'hazard-report',
    category: 'safety',
    zh: t(
      '发现安全隐患怎么报告？',
      ['楼道里堆满杂物找谁', '消防通道被堵了怎么反映', '看到有人飞线充电怎么办', '井盖坏了报给谁'],
      ['安全隐患', '消防通道', '报告'],
      '在机器人里点"我要反映"，写清楚地点和情况，可以附照片。紧急危险请直接打119或110。',
    ),
    en: t(
      'How do I report a safety hazard?',
      [
        'The fire exit is blocked',
        'Someone is charging an e-bike with a cable from the window',
        'A manhole cover is broken',
      ],
      ['hazard', 'report'],
      'Tap "I want to report" in the bot, say where and what, and add a photo if you can. For immediate danger call 119 or 110.',
    ),
  },
  {
    key: 'emergency',
    category: 'safety',
    zh: t(
      '遇到紧急情况打什么电话？',
      ['着火了打几号', '老人晕倒了怎么办', '报警电话是多少'],
      ['119', '110', '120', '急救'],
      '火警打119，报警打110，急救打120。先打电话，再告诉社区。',
    ),
    en: t(
      'What number do I call in an emergency?',
      ['Fire emergency number', 'Someone collapsed, who do I call', 'Police number'],
      ['emergency', 'ambulance', 'police'],
      'Fire: 119. Police: 110. Ambulance: 120. Call first, then tell the community.',
    ),
  },

  // ── 向人大代表反映 ──────────────────────────────────────────────────────────
  {
    key: 'petition-how',
    category: 'petitions',
    zh: t(
      '怎么向人大代表反映问题？',
      ['我想找人大代表', '小区的问题找谁反映', '有问题怎么投诉'],
      ['人大代表', '反映', '我要反映'],
      '在机器人里点"我要反映"，写下问题和地点，可以附照片。提交后会转给您所在片区的人大代表，之后每一步进展都会通知您。',
    ),
    en: t(
      'How do I raise a problem with our deputy?',
      [
        "I want to contact a people's congress deputy",
        'How do I make a complaint',
        'Who do I tell about a problem in my compound',
      ],
      ['deputy', 'petition', 'complaint'],
      'Tap "I want to report" in the bot, describe the problem and the place, and add a photo if you like. It goes to the deputy for your area, and you are told about every step.',
    ),
  },
  {
    key: 'petition-follow',
    category: 'petitions',
    zh: t(
      '反映的问题有人管吗？',
      ['我反映的事处理到哪一步了', '代表什么时候回复', '怎么查反映的进度'],
      ['进度', '回复', '处理结果'],
      '有。代表收到后会确认，处理中的每一步和最后的答复都会在机器人里通知您。在"我要反映"里也能看到您提过的问题和进度。',
    ),
    en: t(
      'What happens after I report a problem?',
      ['How do I check the status of my petition', 'When will the deputy reply', 'Has anyone handled my complaint'],
      ['status', 'reply', 'progress'],
      'The deputy acknowledges it, and every step and the final reply are sent to you in the bot. "I want to report" also lists your petitions and their progress.',
    ),
  },
  {
    key: 'petition-cosign',
    category: 'petitions',
    zh: t(
      '别人反映的问题我也遇到了，能附议吗？',
      ['可以联名反映吗', '怎么支持邻居的反映', '大家一起反映怎么弄'],
      ['附议', '联名'],
      '可以。在机器人里打开这条反映，点"附议"就行。附议的人越多，代表越清楚问题有多普遍。',
    ),
    en: t(
      'Can I support a petition someone else made?',
      [
        'Can I co-sign a petition',
        'How do neighbours report a problem together',
        'My neighbour reported the same problem, can I join',
      ],
      ['co-sign', 'support'],
      'Yes. Open the petition in the bot and tap "Co-sign". The more people co-sign, the clearer it is to the deputy how widespread the problem is.',
    ),
  },
  {
    key: 'deputies-meeting',
    category: 'petitions',
    zh: t(
      '什么是代表·局长面对面？',
      ['人大代表和局长见面是怎么回事', '代表反映上去的问题怎么解决', '肖明组涵洞的事有人管吗'],
      ['代表局长面对面', '局长', '涵洞'],
      '代表把大家反映的问题带到"代表·局长面对面"，和相关部门负责人当面商量办法，再把结果告诉大家。比如肖明组涵洞一下雨就积水，影响每天1000多人出行，就是这样提上去的。',
    ),
    en: t(
      'What is the deputies and bureau chiefs meeting?',
      [
        'How do deputies get problems solved',
        'Is anyone dealing with the flooded culvert at Xiaoming',
        'Do deputies meet the officials',
      ],
      ['face to face', 'bureau chief', 'culvert'],
      'Deputies take residents\' problems to "Deputies meet bureau chiefs face to face", agree what to do with the officials in charge, and report back. The Xiaoming culvert, which floods whenever it rains and cuts the commute of over 1,000 people a day, was raised this way.',
    ),
  },

  // ── 办公室与机器人 ──────────────────────────────────────────────────────────
  {
    key: 'office-hours',
    category: 'office',
    zh: t(
      '社区办公室几点上班？',
      ['居委会什么时候有人', '周末社区办公吗', '中午社区有人吗'],
      ['办公时间', '上班时间'],
      '周一到周五，上午8:30到12:00，下午2:30到5:30。周末和节假日休息，急事请打值班电话0731-0000-0001。',
    ),
    en: t(
      'What are the office hours?',
      ['When is the community office open', 'Is the office open at weekends', 'What time does the office open'],
      ['office hours', 'opening hours'],
      'Monday to Friday, 8:30–12:00 and 14:30–17:30. Closed at weekends and on public holidays; for urgent matters call the duty phone 0731-0000-0001.',
    ),
  },
  {
    key: 'office-contact',
    category: 'office',
    zh: t(
      '社区的电话是多少？',
      ['怎么联系社区', '社区办公室在哪里', '野鸭冲社区电话'],
      ['电话', '联系方式', '地址'],
      '野鸭冲社区办公室：示范路8号，电话0731-0000-0000。石子头社区办公室：示范路18号，电话0731-0000-0002。',
    ),
    en: t(
      'How do I contact the community office?',
      ['What is the office phone number', 'Where is the community office', 'Office address and phone'],
      ['contact', 'phone', 'address'],
      'Yeyachong community office: 8 Shifan Road, 0731-0000-0000. Shizitou community office: 18 Shifan Road, 0731-0000-0002.',
    ),
  },
  {
    key: 'ask-human',
    category: 'office',
    zh: t(
      '机器人回答不了，怎么找工作人员？',
      ['我想找真人', '能不能转人工', '问题没解决找谁'],
      ['人工', '工作人员'],
      '直接把问题发给机器人，它回答不了会转给社区工作人员，工作人员的回复会发到这里。上班时间也可以打0731-0000-0000。',
    ),
    en: t(
      'How do I reach a real person?',
      ['Can I talk to staff', 'The bot did not answer my question', 'I want to speak to someone'],
      ['staff', 'human'],
      'Just send your question to the bot; if it cannot answer, it passes it to community staff and their reply comes back here. In office hours you can also call 0731-0000-0000.',
    ),
  },
  {
    key: 'bot-what',
    category: 'office',
    zh: t(
      '这个机器人能做什么？',
      ['机器人有什么用', '邻里机器人怎么用', '机器人能帮我办什么事'],
      ['功能', '机器人'],
      '可以问问题、预约市集服务、查看领物资安排、向人大代表反映、查看社区基金、接收社区通知。点下面的按钮就能用。',
    ),
    en: t(
      'What can this bot do?',
      ['How do I use this bot', 'What is Linli', 'What is this bot for'],
      ['bot', 'features'],
      'Ask questions, book market services, follow the relief pickup, raise problems with deputies, see the community fund and get notices. Use the buttons below.',
    ),
  },
  {
    key: 'bot-language',
    category: 'office',
    zh: t(
      '机器人能用英文吗？',
      ['怎么切换语言', '怎么换成中文', '能不能用英语'],
      ['语言', '英文', '中文'],
      '可以。点菜单里的"设置"，选"语言"，可以在中文和英文之间切换。',
    ),
    en: t(
      'How do I change the language?',
      ['Can I use the bot in Chinese', 'Switch to English', 'Change language to Chinese'],
      ['language', 'Chinese', 'English'],
      'Tap "Settings" in the menu, then "Language", to switch between Chinese and English.',
    ),
  },
  {
    key: 'notices',
    category: 'office',
    zh: t(
      '怎么收到社区的通知？',
      ['社区发通知我能收到吗', '市集和领物资会提醒我吗', '怎么不再收通知'],
      ['通知', '提醒', '公告'],
      '在机器人里登记后，社区通知、市集和领物资的提醒会直接发给您。不想收某类通知，可以在"设置"里关掉。',
    ),
    en: t(
      'How do I get community notices?',
      [
        'Will I be reminded about the market and pickup',
        'How do I stop notifications',
        'Will I get announcements from the community',
      ],
      ['notices', 'reminders'],
      'Once you have registered in the bot, notices and reminders about the market and pickup come straight to you. You can turn kinds of notice off under "Settings".',
    ),
  },
];

/** The demo entries as FaqIndex entries (Chinese then English per key), numbered from `firstId`. */
export function demoEntriesAsFaq(firstId = 1): (FaqEntry & { key: string })[] {
  let id = firstId;
  return demoFaqEntries.flatMap((e) =>
    (['zh-CN', 'en'] as const).map((lang) => {
      const text = lang === 'zh-CN' ? e.zh : e.en;
      return { id: id++, key: e.key, lang, category: e.category, ...text };
    }),
  );
}
