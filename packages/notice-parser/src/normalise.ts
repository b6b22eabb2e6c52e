import * as OpenCC from 'opencc-js/t2cn';

// Characters that exist only in traditional script, and their simplified counterparts; used to decide
// whether running the (comparatively slow) OpenCC conversion is worth it.
const TRADITIONAL_ONLY = new Set(
  '關於視屆輪黨組織領導會們這個來時為說國進區開發證據問題實員鄉經濟產業與處總結級報辦設計劃廣東務環責認識議門對應義書體長車確況論記變單財資監覽統職權幹點規準擬應類際達聯網線範構項據歸檢鬥鋼雙灣藝齊陽隊頭顯風飛養馬鳥龍'.split(
    '',
  ),
);
const SIMPLIFIED_ONLY = new Set(
  '关于视届轮党组织领导会们这个来时为说国进区开发证据问题实员乡经济产业与处总结级报办设计划广东务环责认识议门对应义书体长车确况论记变单财资监览统职权干点规准拟应类际达联网线范构项据归检斗钢双湾艺齐阳队头显风飞养马鸟龙'.split(
    '',
  ),
);

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const PINYIN_NOTE = /(?<=[\u4E00-\u9FFF])\(([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6})\)/g;
const SMALL_FORMS: Record<string, string> = {
  '\uFF61': '。',
  '\uFF62': '“',
  '\uFF63': '”',
  '\uFF64': '、',
  '﹐': ',',
  '﹑': '、',
  '﹒': '.',
  '﹔': ';',
  '﹕': ':',
  '﹖': '?',
  '﹗': '!',
  '﹙': '(',
  '﹚': ')',
  '「': '“',
  '」': '”',
  '『': '‘',
  '』': '’',
  '〝': '“',
  '〞': '”',
  '〈': '《',
  '〉': '》',
};
const SMALL_FORM_RE = new RegExp(`[${Object.keys(SMALL_FORMS).join('')}]`, 'g');

let toSimplified: ((text: string) => string) | null = null;

function convertTraditional(text: string): string {
  if (!toSimplified) {
    const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (t) => fromTaiwan(fromHongKong(t));
  }
  return toSimplified(text);
}

/** True when the text has clearly more traditional-only than simplified-only characters. */
export function looksTraditional(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (TRADITIONAL_ONLY.has(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.has(ch)) simplified++;
  }
  return traditional >= 3 && traditional > simplified * 2;
}

export interface NormalisedText {
  text: string;
  convertedTraditional: boolean;
}

export function normaliseWithReport(input: unknown): NormalisedText {
  let text = typeof input === 'string' ? input : '';
  text = text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?|[\u2028\u2029\u000B\u000C\u0085]/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(ODD_SPACES, ' ');
  const convertedTraditional = looksTraditional(text);
  if (convertedTraditional) text = convertTraditional(text);
  text = text.replace(SMALL_FORM_RE, (ch) => SMALL_FORMS[ch] ?? ch).replace(PINYIN_NOTE, '');
  const lines = text.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n'), convertedTraditional };
}

/**
 * Unicode clean-up applied before parsing: LF line ends, full-width ASCII (，：；（）％ and digits) to
 * half-width, NBSP/U+2002/U+3000 to spaces, zero-width characters removed, traditional to simplified
 * script when the text looks traditional, 「」 to “”, pinyin notes like 衛(wèi) removed, and each line
 * trimmed with inner space runs collapsed. Never throws.
 */
export function normaliseText(input: string): string {
  return normaliseWithReport(input).text;
}
