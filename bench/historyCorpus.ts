/**
 * Deterministic mixed Chinese / Japanese / English chat text for the history benchmark.
 * Word frequencies are skewed (a few words are everywhere, most are rare), like real text.
 */
const ZH =
  '天气 今天 明天 下雨 晴天 温度 我们 你好 谢谢 问题 可以 什么 怎么 为什么 因为 所以 但是 如果 已经 还是 时间 工作 学习 中国 北京 上海 朋友 喜欢 电脑 手机 程序 代码 函数 数据 数据库 模型 训练 参数 文章 翻译 解释 总结 例子 方法 系统 网络 服务器 用户 历史 搜索 结果 文件 图片 音乐 电影 旅行 咖啡 茶 米饭 面条 医生 医院 健康 运动 跑步 游泳 春天 夏天 秋天 冬天 山 河 海 风 雪 云 龙 鹤 梅花 竹子 长城 故宫 西湖 黄河 长江 经济 市场 公司 产品 设计 测试 部署 版本 错误 日志'.split(' ');
const JA =
  'です ます こんにちは ありがとう 天気 今日 明日 雨 晴れ 東京 大阪 京都 日本 日本語 勉強 仕事 会社 電車 駅 ラーメン 寿司 お茶 コーヒー プログラム データ モデル 翻訳 説明 質問 答え 桜 富士山 猫 犬 本 映画 音楽 旅行 天ぷら カタカナ ひらがな 漢字 新幹線 温泉 季節 春 夏 秋 冬 の は が を に で と も から まで'.split(' ');
const EN =
  'the of and to in is it that for you with on as are this be at have from or by not but what all were when we there can an your which their said if do will each about how up out them then she many some so these would other into has more her two like him see time could no make than first been its who now people my made over did down only way find use may water long little very after words called just where most know weather forecast rain sunny cloudy temperature wind storm snow model prompt token context search history database index query latency benchmark python javascript typescript function error server client request response stream answer question explain summarize translate example Paris London Tokyo Beijing coffee music travel'.split(' ');

/** Mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(words: readonly T[], r: () => number): T {
  // Squaring skews toward the start of each list: common words first.
  return words[Math.floor(r() * r() * words.length)]!;
}

/** One message: mostly one language, sometimes mixed, 20–400 characters. */
export function message(r: () => number): string {
  const lang = r();
  const target = 20 + Math.floor(r() * r() * 380);
  let out = '';
  while (out.length < target) {
    const mix = r();
    if (lang < 0.45 ? mix < 0.9 : mix < 0.05) out += pick(ZH, r);
    else if (lang < 0.7 ? mix < 0.9 : mix < 0.1) out += pick(JA, r);
    else out += (out && !/\s$/.test(out) ? ' ' : '') + pick(EN, r) + ' ';
    if (r() < 0.08) out += lang < 0.7 ? '。' : '. ';
  }
  return out.trim();
}
