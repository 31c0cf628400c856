import type { DemoFaqEntry } from './demo-entry';

/** 野享市集's services one by one, and what residents can offer there. */
export const marketServices: DemoFaqEntry[] = [
  {
    key: 'market-knife',
    category: 'market',
    zh: {
      question: '哪里可以磨刀？',
      phrasings: ['市集有磨刀的吗', '菜刀钝了去哪里磨', '磨剪刀找谁', '社区有没有磨刀师傅'],
      keywords: ['磨刀', '磨剪刀', '菜刀', '剪刀'],
      answer: '野享市集上有免费磨刀，菜刀、剪刀都可以磨。点"市集预约"选"磨刀"就能预约。',
    },
    en: {
      question: 'Where can I get knives sharpened?',
      phrasings: [
        'Is there knife sharpening at the market',
        'My kitchen knife is blunt, who can sharpen it',
        'Can you sharpen scissors',
      ],
      keywords: ['knife', 'sharpening', 'scissors'],
      answer:
        'The Yexiang market has free knife sharpening, for kitchen knives and scissors. ' +
        'Tap "Market day" and choose "Knife sharpening".',
    },
  },
  {
    key: 'market-haircut',
    category: 'market',
    zh: {
      question: '市集上可以理发吗？',
      phrasings: ['哪里有免费理发', '老人剪头发去哪里', '社区有义剪吗'],
      keywords: ['理发', '剪头发', '义剪'],
      answer: '可以。野享市集上有免费理发，老人小孩都可以剪。点"市集预约"选"理发"，免得排队。',
    },
    en: {
      question: 'Can I get a haircut at the market?',
      phrasings: ['Where can I get a free haircut', 'Is there a barber at the market', 'Haircuts for elderly people'],
      keywords: ['haircut', 'barber'],
      answer:
        'Yes. The market offers free haircuts for young and old. Tap "Market day" and choose "Haircut" to skip ' +
        'the queue.',
    },
  },
  {
    key: 'market-sewing',
    category: 'market',
    zh: {
      question: '衣服破了哪里可以补？',
      phrasings: ['市集能缝补衣服吗', '裤子要改短找谁', '掉了扣子哪里能钉', '有没有缝补服务'],
      keywords: ['缝补', '补衣服', '改裤脚', '钉扣子'],
      answer: '野享市集上有缝补服务：补衣服、改裤脚、钉扣子、换拉链都可以。带上衣服，点"市集预约"选"缝补"。',
    },
    en: {
      question: 'Where can I get clothes mended?',
      phrasings: ['Is there sewing at the market', 'I need my trousers shortened', 'Can someone sew a button back on'],
      keywords: ['mending', 'sewing', 'alterations'],
      answer:
        'The market has a mending stall: patching, shortening trousers, sewing on buttons and replacing zips. ' +
        'Bring the clothes and book "Mending and sewing" under "Market day".',
    },
  },
  {
    key: 'market-shoes',
    category: 'market',
    zh: {
      question: '鞋子坏了哪里可以修？',
      phrasings: ['市集能修鞋吗', '鞋底掉了去哪补', '有补鞋的师傅吗'],
      keywords: ['修鞋', '补鞋', '鞋底', '鞋跟'],
      answer: '野享市集上有修鞋师傅，可以补鞋、粘鞋底、换鞋跟。点"市集预约"选"修鞋"。',
    },
    en: {
      question: 'Where can I get my shoes repaired?',
      phrasings: ['Is there shoe repair at the market', 'The sole of my shoe came off', 'Is there a cobbler'],
      keywords: ['shoe repair', 'cobbler'],
      answer:
        'A cobbler comes to the market: patching, re-gluing soles, new heels. ' +
        'Tap "Market day" and choose "Shoe repair".',
    },
  },
  {
    key: 'market-appliance',
    category: 'market',
    zh: {
      question: '家电坏了市集能修吗？',
      phrasings: ['电饭锅坏了去哪里修', '市集修不修电视', '家里电风扇不转了找谁修', '有家电维修吗'],
      keywords: ['家电维修', '修电器', '电饭锅', '电风扇'],
      answer:
        '野享市集上有家电维修，电饭锅、电风扇、电视机这类家电都可以拿来看看。' +
        '大件不方便搬的，请先打社区电话0731-0000-0000问一下。',
    },
    en: {
      question: 'Can the market repair my appliance?',
      phrasings: [
        'My rice cooker is broken, where can I fix it',
        'Do you repair TVs',
        'My electric fan stopped working',
      ],
      keywords: ['appliance repair', 'electrical'],
      answer:
        'Yes, the market has appliance repair: bring rice cookers, fans, TVs and the like. ' +
        'For large items that are hard to carry, call the office first: 0731-0000-0000.',
    },
  },
  {
    key: 'market-housekeeping',
    category: 'market',
    zh: {
      question: '市集有家政服务吗？',
      phrasings: ['想找保洁阿姨怎么办', '市集上能预约家政吗', '家里要打扫卫生找谁'],
      keywords: ['家政', '保洁', '钟点工'],
      answer: '有。野享市集上有家政服务摊位，可以现场咨询和预约保洁等家政服务。',
    },
    en: {
      question: 'Is there a housekeeping service at the market?',
      phrasings: ['I need a cleaner for my home', 'Can I book home cleaning at the market', 'Who can clean my flat'],
      keywords: ['housekeeping', 'cleaning'],
      answer:
        'Yes. The market has a housekeeping stall where you can ask about and arrange cleaning and other home ' +
        'services.',
    },
  },
  {
    key: 'market-health',
    category: 'market',
    zh: {
      question: '市集上可以量血压吗？',
      phrasings: ['哪里能免费测血压', '市集有义诊吗', '老人想量个血压去哪'],
      keywords: ['量血压', '测血压', '义诊'],
      answer: '可以，野享市集上有免费量血压。身体不舒服请及时去医院，急症请打120。',
    },
    en: {
      question: 'Can I get my blood pressure checked at the market?',
      phrasings: [
        'Where can I check my blood pressure for free',
        'Is there a health check at the market',
        'Can an old person get a free health check',
      ],
      keywords: ['blood pressure', 'health check'],
      answer:
        'Yes, the market offers free blood pressure checks. If you feel unwell, please see a doctor; ' +
        'in an emergency call 120.',
    },
  },
  {
    key: 'market-phone',
    category: 'market',
    zh: {
      question: '老人想学用手机，哪里教？',
      phrasings: ['市集上有教手机的吗', '不会用微信视频怎么办', '手机不会用找谁学', '有手机培训吗'],
      keywords: ['手机教学', '智能手机', '微信'],
      answer: '野享市集上有手机使用教学，志愿者一对一教您用微信、视频通话、扫码等。带上手机就行。',
    },
    en: {
      question: 'Where can I learn to use my smartphone?',
      phrasings: [
        'Are there phone lessons at the market',
        'I cannot make WeChat video calls',
        'Who can teach my mother to use her phone',
      ],
      keywords: ['smartphone', 'lessons', 'WeChat'],
      answer:
        'The market has smartphone lessons: a volunteer shows you one to one how to use WeChat, ' +
        'make video calls and scan codes. Just bring your phone.',
    },
  },
  {
    key: 'market-keys',
    category: 'market',
    zh: {
      question: '哪里可以配钥匙？',
      phrasings: ['市集能配钥匙吗', '想多配一把钥匙', '配锁匙去哪里'],
      keywords: ['配钥匙', '钥匙'],
      answer: '野享市集上有配钥匙服务，带上原来的钥匙就能配。',
    },
    en: {
      question: 'Where can I get a key copied?',
      phrasings: ['Is there key cutting at the market', 'I need a spare key', 'Where do I get keys cut'],
      keywords: ['key cutting', 'spare key'],
      answer: 'The market has key cutting. Bring the key you want copied.',
    },
  },
  {
    key: 'market-offer',
    category: 'market',
    zh: {
      question: '我有手艺，能去市集提供服务吗？',
      phrasings: ['我会理发，想去市集帮忙', '怎么报名在市集摆摊服务', '商家能不能来市集参加'],
      keywords: ['提供服务', '摆摊', '手艺'],
      answer:
        '欢迎！会手艺的居民可以加入便民服务队，商家和单位可以成为社区合伙人，在市集上提供服务。' +
        '请联系社区办公室报名，电话0731-0000-0000。',
    },
    en: {
      question: 'I have a skill. Can I offer a service at the market?',
      phrasings: [
        'Can my shop join the market day',
        'How do I run a stall at the market',
        'I can fix things and want to help at the market',
      ],
      keywords: ['offer a service', 'stall', 'skills'],
      answer:
        'Welcome! Skilled residents can join the convenience service team, ' +
        'and businesses can become community partners and serve at the market. ' +
        'Call the office to sign up: 0731-0000-0000.',
    },
  },
  {
    key: 'legal-advice',
    category: 'market',
    zh: {
      question: '有法律问题可以找谁咨询？',
      phrasings: ['哪里有免费法律咨询', '我想问律师问题', '家里有纠纷找谁问问', '市集上有律师吗'],
      keywords: ['法律咨询', '律师', '纠纷', '法律援助'],
      answer: '野享市集上有免费法律咨询，可以当面问律师。需要法律援助的，可以先联系社区办公室，电话0731-0000-0000。',
    },
    en: {
      question: 'Where can I get legal advice?',
      phrasings: ['Is there a free lawyer', 'I have a dispute and need advice', 'Is there legal aid'],
      keywords: ['legal advice', 'lawyer', 'legal aid'],
      answer:
        'The market offers free legal advice from a lawyer, face to face. ' +
        'If you need legal aid, contact the community office first: 0731-0000-0000.',
    },
  },
];
