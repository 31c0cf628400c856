import type { DemoFaqEntry } from './demo-entry';

/** 救助物资 and the IGO慈善超市: who, when, where, what to bring. */
export const relief: DemoFaqEntry[] = [
  {
    key: 'relief-when',
    category: 'relief',
    zh: {
      question: '救助物资几号领？',
      phrasings: ['每个月什么时候领东西', '物资是哪天发', '几号去慈善超市领物资', '这个月领东西是哪天'],
      keywords: ['每月5号', '领物资', '发放时间'],
      answer: '每个月5号发放。如有调整，会提前在机器人里通知。',
    },
    en: {
      question: 'When is the relief package handed out?',
      phrasings: [
        'Which day can I collect my package',
        'What date is the monthly pickup',
        'When do I collect relief supplies',
      ],
      keywords: ['5th', 'monthly', 'pickup'],
      answer: 'On the 5th of every month. Any change is announced in the bot in advance.',
    },
  },
  {
    key: 'relief-where',
    category: 'relief',
    zh: {
      question: '救助物资在哪里领？',
      phrasings: ['去哪里领东西', '领物资的地方在哪', 'IGO慈善超市在哪里'],
      keywords: ['领取地点', 'IGO慈善超市'],
      answer: '在IGO慈善超市领取，地址是示范路28号。',
    },
    en: {
      question: 'Where do I collect the relief package?',
      phrasings: ['Where is the pickup', 'Where is the IGO charity supermarket', 'Where do I pick up the supplies'],
      keywords: ['pickup place', 'IGO'],
      answer: 'At the IGO charity supermarket, 28 Shifan Road.',
    },
  },
  {
    key: 'relief-who',
    category: 'relief',
    zh: {
      question: '谁可以领救助物资？',
      phrasings: ['什么人能领每月的物资', '我能不能领救助', '领物资要什么条件', '特殊群体指哪些人'],
      keywords: ['特殊群体', '条件'],
      answer:
        '在社区登记的特殊群体可以领，比如低保、特困、残疾、独居困难老人等，现在登记的有169人。' +
        '不确定自己符不符合，请问社区办公室。',
    },
    en: {
      question: 'Who can get the relief package?',
      phrasings: [
        'Am I eligible for the monthly package',
        'Who counts as a person in special need',
        'Who qualifies for relief supplies',
      ],
      keywords: ['eligible', 'special need'],
      answer:
        'People in special need registered with the community, such as low-income, ' +
        'disabled or elderly people living alone in hardship; 169 are registered now. ' +
        'If you are unsure, ask the office.',
    },
  },
  {
    key: 'relief-register',
    category: 'relief',
    zh: {
      question: '怎么申请救助？',
      phrasings: ['怎么登记成特殊群体', '家里困难想申请帮扶', '救助去哪里申请'],
      keywords: ['申请', '登记', '帮扶'],
      answer: '请带身份证和户口本到社区办公室申请，工作人员会帮您登记和审核。审核通过后，每月5号就能领取。',
    },
    en: {
      question: 'How do I apply for relief?',
      phrasings: [
        'How do I register as a person in special need',
        'My family is struggling, can we get help',
        'Where do I apply for assistance',
      ],
      keywords: ['apply', 'register'],
      answer:
        'Bring your ID card and household register to the community office; ' +
        'staff will register and check your application. Once approved, you collect on the 5th of each month.',
    },
  },
  {
    key: 'relief-bring',
    category: 'relief',
    zh: {
      question: '领物资要带什么？',
      phrasings: ['领东西要带证件吗', '去慈善超市领物资带什么', '领的时候要身份证吗'],
      keywords: ['身份证', '证件'],
      answer: '请带本人身份证，到场后工作人员帮您签到。',
    },
    en: {
      question: 'What do I need to bring to collect the package?',
      phrasings: ['Do I need ID for the pickup', 'What documents for collecting supplies', 'Should I bring my ID card'],
      keywords: ['ID card', 'documents'],
      answer: 'Bring your own ID card; staff will check you in on the spot.',
    },
  },
  {
    key: 'relief-proxy',
    category: 'relief',
    zh: {
      question: '我去不了，可以让家人代领吗？',
      phrasings: ['能不能帮我妈领物资', '代领需要什么', '老人腿脚不便谁能替他领', '可以委托别人领吗'],
      keywords: ['代领', '委托', '家属'],
      answer: '可以代领。请提前在机器人里登记代领人，或打社区电话0731-0000-0000。代领人带上您和他自己的身份证。',
    },
    en: {
      question: 'Can someone collect the package for me?',
      phrasings: [
        'Can I pick up for my mother',
        'How does collecting by proxy work',
        'My father cannot walk, can I collect for him',
      ],
      keywords: ['proxy', 'on behalf'],
      answer:
        'Yes. Register your proxy in the bot in advance, or call the office at 0731-0000-0000. ' +
        'The proxy brings your ID card and their own.',
    },
  },
  {
    key: 'relief-festival',
    category: 'relief',
    zh: {
      question: '过节有额外的物资吗？',
      phrasings: ['春节发不发东西', '中秋节有没有额外的', '节日福利怎么领'],
      keywords: ['节日', '春节', '中秋'],
      answer: '有。春节、中秋等节日，慈善超市会给登记的特殊群体额外发放食品，时间会提前在机器人里通知。',
    },
    en: {
      question: 'Is there anything extra at festivals?',
      phrasings: [
        'Do you hand out food at Spring Festival',
        'Mid-Autumn festival extras',
        'Are there holiday gifts for people in need',
      ],
      keywords: ['festival', 'holiday'],
      answer:
        'Yes. At Spring Festival, Mid-Autumn and other festivals, registered people in special need get extra food. ' +
        'The date is announced in the bot.',
    },
  },
  {
    key: 'relief-missed',
    category: 'relief',
    zh: {
      question: '5号没去领怎么办？',
      phrasings: ['错过了领物资的时间还能领吗', '上个月忘记去领了', '那天有事没领到怎么办'],
      keywords: ['错过', '补领'],
      answer: '请尽快联系社区办公室，电话0731-0000-0000，工作人员会帮您安排。以后去不了可以提前登记代领人。',
    },
    en: {
      question: 'I missed the pickup on the 5th. What now?',
      phrasings: [
        'I forgot to collect my package',
        'Can I still collect after the 5th',
        'I was away on the 5th and did not get my package',
      ],
      keywords: ['missed', 'late'],
      answer:
        'Contact the office soon at 0731-0000-0000 and staff will arrange it. ' +
        'Next time you can register a proxy in advance.',
    },
  },
  {
    key: 'igo-shop',
    category: 'relief',
    zh: {
      question: 'IGO慈善超市是做什么的？',
      phrasings: ['慈善超市卖东西吗', '慈善超市里有什么', '什么是IGO'],
      keywords: ['IGO慈善超市', '爱心货架'],
      answer:
        'IGO慈善超市每月5号给登记的特殊群体发放物资。店里还有爱心货架，放着大家捐的二手物品和手工艺品，' +
        '卖出的钱进入社区公益基金。',
    },
    en: {
      question: 'What is the IGO charity supermarket?',
      phrasings: ['What does the charity shop sell', 'What is IGO', 'What is on the charity shop shelf'],
      keywords: ['IGO', 'charity supermarket'],
      answer:
        'The IGO charity supermarket hands out packages to registered people in special need on the 5th of each ' +
        'month. Its shelf of donated second-hand goods and handicrafts raises money for the community fund.',
    },
  },
  {
    key: 'igo-donate-goods',
    category: 'relief',
    zh: {
      question: '家里的旧东西可以捐吗？',
      phrasings: ['旧衣服捐到哪里', '闲置物品怎么捐给慈善超市', '我做的手工艺品能放慈善超市卖吗'],
      keywords: ['捐旧物', '二手', '旧衣服', '手工艺品'],
      answer: '可以。干净、能用的二手物品和手工艺品，请送到IGO慈善超市的爱心货架。卖出的钱进入社区公益基金。',
    },
    en: {
      question: 'Can I donate things I no longer need?',
      phrasings: [
        'Where can I give old clothes',
        'Can I sell my handicrafts at the charity shop',
        'Where can I donate second-hand goods',
      ],
      keywords: ['second-hand', 'old clothes', 'handicrafts'],
      answer:
        'Yes. Bring clean, usable second-hand goods and handicrafts to the shelf at the IGO charity supermarket. ' +
        'What they sell for goes to the community fund.',
    },
  },
];
