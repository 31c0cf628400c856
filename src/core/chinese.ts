// What residents type, brought to one form before anything reads it: full-width to half-width, lower case,
// traditional to simplified, dialect words to standard ones, Chinese numerals before units to digits.
// Shared by the FAQ matcher and the emergency check.

// Traditional → simplified for the characters residents plausibly type (pairs "繁简"). Not a full converter: a
// resident on a traditional-Chinese keyboard mostly writes everyday words, and these cover them.
const T2S_PAIRS = [
  // what people type when reporting a danger (the emergency check reads normalised text)
  '洩泄 觸触 著着 癲癫 癇痫 墜坠 臟脏 槍枪 賊贼 攔拦 壩坝 閥阀 嘔呕 癱瘫',
  '領领 區区 會会 問问 號号 幾几 錢钱 電电 種种 樣样 關关 開开 門门 點点 時时 間间 這这 們们 麼么 個个 來来 過过 還还 對对 說说 話话 請请 謝谢 讓让 認认 識识 記记 憶忆',
  '給给 從从 報报 據据 絡络 聯联 繫系 係系 務务 預预 約约 辦办 處处 裡里 裏里 後后 發发 髮发 買买 賣卖 鄰邻 園园 場场 體体 殘残 貧贫 難难 幫帮 補补 貼贴 級级 節节 慶庆',
  '禮礼 糧粮 麵面 餅饼 飯饭 飲饮 與与 為为 應应 該该 當当 員员 隊队 義义 願愿 參参 課课 學学 習习 兒儿 講讲 師师 諮咨 詢询 訴诉 訟讼 糾纠 紛纷 議议 權权 護护 險险 隱隐',
  '災灾 滅灭 燈灯 線线 撥拨 車车 輛辆 樓楼 棟栋 層层 煙烟 氣气 爐炉 醫医 療疗 藥药 壓压 測测 檢检 態态 導导 鑰钥 縫缝 褲裤 維维 機机 腦脑 視视 衛卫 鐘钟 錶表 費费 價价',
  '塊块 贈赠 額额 帳帐 賬账 戶户 轉转 銀银 現现 單单 證证 書书 舊旧 東东 廣广 貨货 銷销 產产 資资 質质 實实 際际 歲岁 齡龄 長长 輩辈 孫孙 爺爷 媽妈 親亲 鄉乡 鎮镇 縣县',
  '國国 黨党 幹干 乾干 選选 舉举 響响 題题 決决 進进 況况 結结 復复 覆复 饋馈 滿满 見见 評评 論论 語语 換换 設设 擇择 鈕钮 鍵键 盤盘 網网 碼码 臺台 颱台 灣湾 邊边 遠远',
  '達达 順顺 運运 動动 頭头 靈灵 樂乐 歡欢 愛爱 幣币 標标 準准 條条 規规 則则 歷历 曆历 週周 曉晓 夠够 熱热 涼凉 飽饱 餓饿 雞鸡 魚鱼 鹽盐 醬酱 張张 隻只 雙双 齊齐 負负',
  '責责 監监 營营 業业 經经 濟济 計计 劃划 畫画 藝艺 術术 戲戏 劇剧 輕轻 鬆松 緊紧 傷伤 癒愈 飛飞 驗验 撿捡 壞坏 積积 澇涝 溝沟 橋桥 擋挡 鎖锁 損损 盜盗 竊窃 詐诈 騙骗',
  '錯错 誤误 虧亏 賠赔 償偿 罰罚 執执 紅红 綠绿 藍蓝 黃黄 顏颜 聽听 寫写 讀读 筆笔 紙纸 圖图 館馆 廳厅 屬属 於于 無无 夥伙 織织 組组 閒闲 閑闲 總总 統统 錄录 詳详 細细',
  '紹绍 須须 雜杂 擠挤 擔担 擾扰 訪访 談谈 歸归 辭辞 聲声 戰战 獎奖 勵励 寶宝 貝贝 賽赛 頂顶 項项 頻频 顧顾 顯显 風风 騎骑 鬧闹 鮮鲜 鳥鸟 麥麦 齒齿 龍龙 倆俩 傳传 僅仅',
  '億亿 優优 內内 兩两 冊册 減减 剛刚 創创 勞劳 勢势 協协 卻却 厲厉 啟启 啓启 喚唤 嗎吗 團团 圍围 圓圆 堅坚 塗涂 壯壮 夢梦 奪夺 奮奋 婦妇 寧宁 寬宽 尋寻 將将 專专 屆届',
  '島岛 廠厂 庫库 廢废 廚厨 強强 彈弹 彎弯 徑径 徵征 憂忧 懷怀 掛挂 採采 揚扬 擁拥 擊击 擴扩 攝摄 敵敌 數数 斷断 暫暂 曬晒 極极 構构 橫横 檔档 櫃柜 殺杀 淨净 淺浅 湯汤',
  '溫温 漢汉 潔洁 澤泽 濕湿 烏乌 燒烧 爭争 牆墙 獨独 獲获 環环 畢毕 瘋疯 盡尽 眾众 衆众 礎础 確确 禍祸 離离 稱称 穩稳 窮穷 競竞 築筑 簡简 簽签 籤签 紀纪 紅红 納纳 終终',
  '絕绝 絲丝 綜综 練练 緣缘 縮缩 績绩 繳缴 續续 羅罗 聖圣 聞闻 職职 肅肃 腳脚 艱艰 範范 蘭兰 蟲虫 衝冲 製制 複复 襲袭 規规 覺觉 觀观 訂订 訊讯 託托 許许 試试 誠诚 調调',
  '諾诺 譯译 變变 豐丰 貓猫 財财 貢贡 貴贵 賓宾 購购 趕赶 趙赵 趨趋 跡迹 蹤踪 軟软 載载 較较 輔辅 輪轮 輸输 農农 連连 遊游 違违 適适 遲迟 遷迁 遺遗 郵邮 釋释 針针 鈔钞',
  '鉤钩 鋪铺 鍋锅 鍾钟 鐵铁 閃闪 閉闭 閱阅 闆板 陳陈 陽阳 階阶 隨随 雖虽 靜静 頁页 頓顿 類类 養养 餵喂 馬马 駕驾 驚惊 髒脏 劉刘 鄧邓 蕭萧 陸陆 祇只 佈布 佔占 併并 倉仓',
  '偽伪 側侧 備备 傢家 儲储 嚇吓 嚴严 囑嘱 壺壶 夾夹 奧奥 嬰婴 宮宫 寵宠 屍尸 嶺岭 帥帅 廁厕 廈厦 廟庙 彙汇 徹彻 惡恶 慣惯 慮虑 憑凭 懶懒 搶抢 擺摆 攤摊 敗败 暈晕 棄弃',
  '榮荣 樁桩 樹树 欄栏 殼壳 毀毁 汙污 沒没 滬沪 漲涨 潛潜 澆浇 濃浓 灑洒 燙烫 狀状 獻献 畝亩 癢痒 磚砖 礦矿 稅税 穀谷 窩窝 籃篮 紋纹 紮扎 綁绑 綿绵 緒绪 編编 緩缓 繩绳',
  '繪绘 罷罢 脫脱 膚肤 膠胶 膽胆 臉脸 臨临 莊庄 華华 萬万 葉叶 蓋盖 蔥葱 薦荐 蘋苹 蝦虾 蠟蜡 裝装 襪袜 覽览 訓训 診诊 詞词 誌志 誰谁 謀谋 講讲 讚赞 贊赞 販贩 貸贷 貿贸',
  '賀贺 賴赖 贏赢 踐践 躍跃 軍军 軌轨 輩辈 邁迈 醜丑 鉛铅 鋼钢 鏈链 鏡镜 閣阁 闊阔 陣阵 陰阴 雲云 霧雾 韓韩 頒颁 顆颗 飄飘 餘余 驅驱 鬥斗 鬱郁 鴨鸭 沖冲 鵝鹅 樸朴 蔔卜',
  '獅狮 聰聪 燭烛 歳岁 纔才 麪面 綫线 喫吃 氫氢 掃扫 擬拟 轄辖 區区 樣样 噹当 嘗尝 鬍胡 穫获 燉炖 剷铲 鏟铲 遞递 懸悬 攜携 腫肿 囉啰',
].join(' ');

const T2S = new Map<string, string>();
for (const pair of T2S_PAIRS.split(' ')) {
  const [t, s] = [...pair];
  if (t && s && t !== s) T2S.set(t, s);
}

/** Chinese numerals before a date/time/money unit become digits, so 五号 and 5号 index the same. */
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function chineseNumber(s: string): string {
  if (s === '十') return '10';
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? String(CN_DIGIT[s] ?? s) : s;
  const tens = ten === 0 ? 1 : (CN_DIGIT[s.slice(0, ten)] ?? 0);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGIT[s.slice(ten + 1)] ?? 0);
  return String(tens * 10 + ones);
}

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/u;
export const isCjk = (ch: string): boolean => CJK_CHAR.test(ch);

/** Colloquial and Hunan-flavoured words residents type, mapped to the standard word the entries are written in. */
const DIALECT: [RegExp, string][] = [
  [/么子|啥子|啥/g, '什么'],
  [/咋个|咋/g, '怎么'],
  [/冇得|没得(?!到)/g, '没有'],
  [/冇/g, '没'],
  [/晓得/g, '知道'],
  [/细伢子|伢子|伢崽/g, '孩子'],
  [/屋里/g, '家里'],
];

/** NFKC (full-width → half-width), lower case, traditional → simplified, dialect words, numerals, punctuation. */
export function normalize(text: string): string {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/甚麼|什麼/g, '什么');
  let out = '';
  for (const ch of s) out += T2S.get(ch) ?? ch;
  s = out;
  for (const [re, to] of DIALECT) s = s.replace(re, to);
  s = s.replace(/[一二两三四五六七八九十]{1,3}(?=[号日点月块元岁])/g, chineseNumber);
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  // The space a resident types between two Chinese words ("磨 刀") carries nothing; between scripts it stays.
  return s.replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '').trim();
}
