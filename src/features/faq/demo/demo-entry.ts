/** One demo answer in one language; the Chinese and English versions of a question share its key. */
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
