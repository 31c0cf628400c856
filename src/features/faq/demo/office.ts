import type { DemoFaqEntry } from './demo-entry';

/** 办公室与机器人: office hours, contacts, this bot. */
export const office: DemoFaqEntry[] = [
  {
    key: 'office-hours',
    category: 'office',
    zh: {
      question: '社区办公室几点上班？',
      phrasings: ['居委会什么时候有人', '周末社区办公吗', '中午社区有人吗'],
      keywords: ['办公时间', '上班时间'],
      answer: '周一到周五，上午8:30到12:00，下午2:30到5:30。周末和节假日休息，急事请打值班电话0731-0000-0001。',
    },
    en: {
      question: 'What are the office hours?',
      phrasings: [
        'When is the community office open',
        'Is the office open at weekends',
        'What time does the office open',
      ],
      keywords: ['office hours', 'opening hours'],
      answer:
        'Monday to Friday, 8:30–12:00 and 14:30–17:30. Closed at weekends and on public holidays; ' +
        'for urgent matters call the duty phone 0731-0000-0001.',
    },
  },
  {
    key: 'office-contact',
    category: 'office',
    zh: {
      question: '社区的电话是多少？',
      phrasings: ['怎么联系社区', '社区办公室在哪里', '野鸭冲社区电话'],
      keywords: ['电话', '联系方式', '地址'],
      answer: '野鸭冲社区办公室：示范路8号，电话0731-0000-0000。石子头社区办公室：示范路18号，电话0731-0000-0002。',
    },
    en: {
      question: 'How do I contact the community office?',
      phrasings: ['What is the office phone number', 'Where is the community office', 'Office address and phone'],
      keywords: ['contact', 'phone', 'address'],
      answer:
        'Yeyachong community office: 8 Shifan Road, 0731-0000-0000. ' +
        'Shizitou community office: 18 Shifan Road, 0731-0000-0002.',
    },
  },
  {
    key: 'ask-human',
    category: 'office',
    zh: {
      question: '机器人回答不了，怎么找工作人员？',
      phrasings: ['我想找真人', '能不能转人工', '问题没解决找谁'],
      keywords: ['人工', '工作人员'],
      answer:
        '直接把问题发给机器人，它回答不了会转给社区工作人员，工作人员的回复会发到这里。' +
        '上班时间也可以打0731-0000-0000。',
    },
    en: {
      question: 'How do I reach a real person?',
      phrasings: ['Can I talk to staff', 'The bot did not answer my question', 'I want to speak to someone'],
      keywords: ['staff', 'human'],
      answer:
        'Just send your question to the bot; if it cannot answer, it passes it to community staff and their reply ' +
        'comes back here. In office hours you can also call 0731-0000-0000.',
    },
  },
  {
    key: 'bot-what',
    category: 'office',
    zh: {
      question: '这个机器人能做什么？',
      phrasings: ['机器人有什么用', '邻里机器人怎么用', '机器人能帮我办什么事'],
      keywords: ['功能', '机器人'],
      answer:
        '可以问问题、预约市集服务、查看领物资安排、向人大代表反映、查看社区基金、接收社区通知。点下面的按钮就能用。',
    },
    en: {
      question: 'What can this bot do?',
      phrasings: ['How do I use this bot', 'What is Linli', 'What is this bot for'],
      keywords: ['bot', 'features'],
      answer:
        'Ask questions, book market services, follow the relief pickup, raise problems with deputies, ' +
        'see the community fund and get notices. Use the buttons below.',
    },
  },
  {
    key: 'bot-language',
    category: 'office',
    zh: {
      question: '机器人能用英文吗？',
      phrasings: ['怎么切换语言', '怎么换成中文', '能不能用英语'],
      keywords: ['语言', '英文', '中文'],
      answer: '可以。点菜单里的"我的信息"，再点"语言"，可以在中文和英文之间切换。',
    },
    en: {
      question: 'How do I change the language?',
      phrasings: ['Can I use the bot in Chinese', 'Switch to English', 'Change language to Chinese'],
      keywords: ['language', 'Chinese', 'English'],
      answer: 'Tap "My profile" in the menu, then "Language", to switch between Chinese and English.',
    },
  },
  {
    key: 'notices',
    category: 'office',
    zh: {
      question: '怎么收到社区的通知？',
      phrasings: ['社区发通知我能收到吗', '市集和领物资会提醒我吗', '怎么不再收通知'],
      keywords: ['通知', '提醒', '公告'],
      answer:
        '在机器人里登记后，社区通知、市集和领物资的提醒会直接发给您。不想收社区通知，在"我的信息"里点"关闭社区通知"就行，预约、领物资和反映的消息照常会发。',
    },
    en: {
      question: 'How do I get community notices?',
      phrasings: [
        'Will I be reminded about the market and pickup',
        'How do I stop notifications',
        'Will I get announcements from the community',
      ],
      keywords: ['notices', 'reminders'],
      answer:
        'Once you have registered in the bot, notices and reminders about the market and pickup come straight to ' +
        'you. To stop community notices, tap "Turn off notices" under "My profile"; messages about your bookings, ' +
        'relief and petitions still come.',
    },
  },
];
