import type { DemoFaqEntry } from './demo-entry';

/** 野享市集: what it is, when and where, what it offers, booking and walking in. */
export const market: DemoFaqEntry[] = [
  {
    key: 'market-what',
    category: 'market',
    zh: {
      question: '野享市集是什么？',
      phrasings: ['什么是野享市集', '野享市集是干什么的', '社区的便民市集是怎么回事', '市集办得怎么样'],
      keywords: ['野享市集', '便民市集', '赶集'],
      answer:
        '野享市集是月塘街道的便民市集，每月办一次，轮流在各个小区举办。' +
        '现场有大约20项免费服务，比如磨刀、理发、缝补、修鞋、家电维修、量血压、法律咨询。' +
        '已经办了9场，服务600多位居民，解决了294个问题。',
    },
    en: {
      question: 'What is the Yexiang market day?',
      phrasings: [
        'What is the community market',
        'Tell me about the Yexiang market',
        'What happens at the market day',
        'How has the market day gone so far',
      ],
      keywords: ['Yexiang', 'market day', 'community market'],
      answer:
        'The Yexiang market (野享市集) is a free service day held once a month, ' +
        'each time in a different residential compound. About 20 free services are offered, ' +
        'such as knife sharpening, haircuts, mending, shoe repair, appliance repair, ' +
        'blood pressure checks and legal advice. Nine market days have served 600+ residents and solved 294 problems.',
    },
  },
  {
    key: 'market-when',
    category: 'market',
    zh: {
      question: '野享市集什么时候办？',
      phrasings: ['市集哪天举办', '市集几号开', '这个月的市集是哪一天', '市集多久办一次', '下一次市集是什么时候'],
      keywords: ['市集时间', '日期', '每月一次'],
      answer:
        '野享市集每个月办一次。具体日期会提前在机器人里通知，也会贴在小区公告栏。点"市集预约"也能看到最近一场的时间。',
    },
    en: {
      question: 'When is the market day?',
      phrasings: [
        'What date is the next market',
        'How often is the market held',
        'Which day is the market this month',
        'When does the market take place',
      ],
      keywords: ['date', 'monthly', 'schedule'],
      answer:
        'The market is held once a month. The date is announced in the bot in advance and posted on the notice board ' +
        'of each compound. Tap "Market day" to see the date of the next one.',
    },
  },
  {
    key: 'market-where',
    category: 'market',
    zh: {
      question: '野享市集在哪里办？',
      phrasings: ['市集在什么地方', '市集办在哪个小区', '这次市集的地点在哪', '去哪里赶集'],
      keywords: ['地点', '小区', '轮流'],
      answer: '市集轮流在各个小区举办，每次地点不一样。地点会和通知一起发出，点"市集预约"也能看到最近一场在哪里。',
    },
    en: {
      question: 'Where is the market day held?',
      phrasings: ['Where is the next market', 'Which compound hosts the market', 'What is the market location'],
      keywords: ['location', 'compound', 'venue'],
      answer:
        'The market moves between residential compounds, so the place changes each time. ' +
        'The place comes with the notice, and "Market day" shows where the next one is.',
    },
  },
  {
    key: 'market-services',
    category: 'market',
    zh: {
      question: '市集上有哪些服务？',
      phrasings: ['市集可以办什么事', '市集都有什么项目', '赶集能修什么东西', '市集提供哪些便民服务'],
      keywords: ['服务项目', '便民服务', '二十项'],
      answer:
        '市集上大约有20项免费服务，常见的有：磨刀、理发、缝补衣服、修鞋、家电维修、家政服务、量血压、法律咨询、' +
        '手机使用教学、配钥匙等。每次的项目略有不同，以通知为准。',
    },
    en: {
      question: 'What services are at the market?',
      phrasings: [
        'What can I get done at the market',
        'List of market services',
        'What does the market offer',
        'What can be repaired at the market',
      ],
      keywords: ['services', 'repairs'],
      answer:
        'About 20 free services, usually: knife sharpening, haircuts, mending clothes, shoe repair, ' +
        'appliance repair, housekeeping services, blood pressure checks, legal advice, ' +
        'smartphone lessons and key cutting. The list varies a little; the notice for each market day has it.',
    },
  },
  {
    key: 'market-cost',
    category: 'market',
    zh: {
      question: '市集上的服务要收费吗？',
      phrasings: ['市集服务免费吗', '在市集理发要钱吗', '市集修东西收不收钱', '去市集要花钱吗'],
      keywords: ['免费', '收费'],
      answer: '市集上的服务都是免费的。',
    },
    en: {
      question: 'Do market services cost anything?',
      phrasings: ['Is the market free', 'How much does a haircut at the market cost', 'Do I have to pay at the market'],
      keywords: ['free', 'price', 'cost'],
      answer: 'All services at the market are free.',
    },
  },
  {
    key: 'market-book',
    category: 'market',
    zh: {
      question: '怎么预约市集服务？',
      phrasings: ['市集怎么报名', '我想预约磨刀怎么弄', '在机器人里怎么约市集', '市集服务要提前预约吗'],
      keywords: ['预约', '报名', '市集预约'],
      answer: '点机器人菜单里的"市集预约"按钮，选服务项目和时间段，确认就行。预约成功后，市集前会收到提醒。',
    },
    en: {
      question: 'How do I book a market service?',
      phrasings: [
        'How to make a booking for the market',
        'Can I reserve a slot at the market',
        'Do I need to book in advance',
        'How do I sign up for a market service',
      ],
      keywords: ['booking', 'reserve', 'Market booking', 'Market day'],
      answer:
        'Tap the "Market day" button in the bot menu, pick a service and a time slot, and confirm. ' +
        'You will get a reminder before the market day.',
    },
  },
  {
    key: 'market-cancel',
    category: 'market',
    zh: {
      question: '市集预约了去不了怎么办？',
      phrasings: ['怎么取消市集预约', '预约的时间能改吗', '约了理发但是那天有事', '不想去了怎么退掉预约'],
      keywords: ['取消预约', '改时间'],
      answer: '点"市集预约"，找到您的预约，点"取消"。想换时间，先取消再重新约。请尽早取消，把位置让给别人。',
    },
    en: {
      question: 'I booked but cannot come. What should I do?',
      phrasings: [
        'How do I cancel my market booking',
        'Can I change my booking time',
        'How to reschedule a market appointment',
      ],
      keywords: ['cancel', 'reschedule'],
      answer:
        'Tap "Market day", find your booking and tap "Cancel". To change the time, cancel and book again. ' +
        'Please cancel early so someone else can have the slot.',
    },
  },
  {
    key: 'market-walkin',
    category: 'market',
    zh: {
      question: '没有预约能直接去市集吗？',
      phrasings: ['不预约可以去市集吗', '市集现场能排队吗', '没报名能不能去赶集'],
      keywords: ['现场排队', '不预约'],
      answer: '可以直接去。有预约的居民优先，没预约的在现场排队，人多时要等一会儿。',
    },
    en: {
      question: 'Can I go to the market without a booking?',
      phrasings: ['Can I just walk in at the market', 'Is booking required for the market', 'Can I queue on the day'],
      keywords: ['walk in', 'queue'],
      answer:
        'Yes, you can just come. Residents with a booking go first; ' +
        'without one you queue on the spot, which may take a while when it is busy.',
    },
  },
];
