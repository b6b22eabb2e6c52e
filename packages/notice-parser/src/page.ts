// Page chrome: portal metadata, breadcrumbs, share/font widgets, the duplicated title and the site footer.

const META_KEYS = [
  '发布时间',
  '发布日期',
  '信息来源',
  '来源',
  '作者',
  '信息索引号',
  '索引号',
  '文件名称',
  '标题',
  '发布机构',
  '成文日期',
  '公开方式',
  '主题分类',
  '主题词',
  '发文字号',
  '文号',
  '生成日期',
  '有效性',
  '访问量',
  '浏览次数',
  '点击数',
  '阅读次数',
  '责任编辑',
  '编辑',
  '字号',
  '发布人',
  '所属机构',
];
const META_KEY_ALT = META_KEYS.slice()
  .sort((a, b) => b.length - a.length)
  .join('|');
const META_LINE_RE = new RegExp(`^(?:${META_KEY_ALT})\\s?:`);
const META_PAIR_RE = new RegExp(`(${META_KEY_ALT})\\s?:\\s?`, 'g');

const CHROME_TOKENS_RE =
  /分享到|分享|朗读|语音播报|字体大小|字体|字号|保护视力色|视力保护色|护眼模式|访问量|浏览量|浏览次数|阅读次数|打印本页|打印|关闭窗口|关闭|收藏|扫一扫|在手机上查看|手机扫码|微信|微博|QQ空间|返回顶部|返回|我要纠错|纠错|默认|[大中小]/g;
const CHROME_SEPARATORS_RE = /[\s|｜·•>›»/\\:【】[\]()\d-]/g;
const PREV_NEXT_RE = /^(?:上一篇|下一篇|相关链接|相关文章|附件下载)\s?:/;
const BREADCRUMB_RE = /^(?:首页|主页|网站首页|当前位置|您的位置|您当前的位置|您现在的位置)\s?[:>›»→/]/;
const FOOTER_RE =
  /ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|©|主办单位\s?:|承办单位\s?:|主管单位\s?:|技术支持\s?:|网站地图|隐私声明|联系我们|无障碍|友情链接|^链接\s?:|便民热线|收藏本站|设为首页|加入收藏|网站纠错|适老化|^地址\s?:/i;
const SIGNATURE_DATE_RE =
  /^(?:\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|\d{4}年?\d{2,4}日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$/;
const HEADING_START_RE = /^(?:\d{1,3}[.、]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))/;
const TITLE_HINT_RE = /巡视|巡察/;
const TITLE_END_RE = /通报|情况|公告|公示|报告|意见|公开/;

export interface Signature {
  issuer: string | null;
  dateText: string;
}

export interface Page {
  /** Non-empty content lines, chrome removed, title removed. */
  lines: string[];
  title: string | null;
  meta: Map<string, string>;
  signature: Signature | null;
}

function isChromeLine(line: string): boolean {
  if (line.length > 60) return false;
  if (PREV_NEXT_RE.test(line)) return true;
  const withoutTokens = line.replace(CHROME_TOKENS_RE, '');
  if (withoutTokens === line) return false;
  return withoutTokens.replace(CHROME_SEPARATORS_RE, '') === '';
}

function parseMetaLine(line: string, meta: Map<string, string>): void {
  const matches = [...line.matchAll(META_PAIR_RE)];
  matches.forEach((m, i) => {
    const valueStart = (m.index ?? 0) + m[0].length;
    const valueEnd = i + 1 < matches.length ? (matches[i + 1]!.index ?? line.length) : line.length;
    const value = line.slice(valueStart, valueEnd).trim();
    const key = m[1] ?? '';
    if (value && !meta.has(key)) meta.set(key, value);
  });
}

function spaceless(s: string): string {
  return s.replace(/\s/g, '');
}

export function cleanTitle(title: string): string {
  return title
    .replace(/(?<=[\u4E00-\u9FFF“”])\s+(?=[\u4E00-\u9FFF“”])/g, '')
    .replace(/[。.]$/, '')
    .trim();
}

function isTitleCandidate(line: string): boolean {
  return (
    line.length >= 8 &&
    line.length <= 120 &&
    !/[。;]$/.test(line) &&
    !HEADING_START_RE.test(line) &&
    TITLE_HINT_RE.test(line.replace(/《[^《》]{0,200}》/g, '')) &&
    TITLE_END_RE.test(line)
  );
}

function findSignature(lines: string[]): { index: number; signature: Signature } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.includes('。')) return null;
    if (!SIGNATURE_DATE_RE.test(line)) continue;
    let j = i - 1;
    while (j >= 0 && lines[j] === '') j--;
    const prev = j >= 0 ? lines[j]! : '';
    const looksLikeIssuer =
      prev.length >= 2 &&
      prev.length <= 40 &&
      !/[。,;:!?]/.test(prev) &&
      !HEADING_START_RE.test(prev) &&
      !/^\d/.test(prev);
    return {
      index: looksLikeIssuer ? j : i,
      signature: { issuer: looksLikeIssuer ? prev : null, dateText: line },
    };
  }
  return null;
}

function findFooterStart(lines: string[]): number {
  let lastSentence = -1;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes('。')) lastSentence = i;
  for (let i = lastSentence + 1; i < lines.length; i++) if (FOOTER_RE.test(lines[i]!)) return i;
  return lines.length;
}

/** Splits normalised text into content lines and page metadata. */
export function stripPage(normalised: string): Page {
  const raw = normalised.split('\n');
  const meta = new Map<string, string>();

  const found = findSignature(raw);
  const cut = found ? found.index : findFooterStart(raw);
  const kept: string[] = [];
  const breadcrumbTails: string[] = [];
  for (const line of raw.slice(0, cut)) {
    if (line === '') continue;
    if (META_LINE_RE.test(line) && !line.includes('。')) {
      parseMetaLine(line, meta);
    } else if (BREADCRUMB_RE.test(line) && !line.includes('。')) {
      const tail =
        line
          .split(/[>›»→]/)
          .pop()
          ?.trim() ?? '';
      if (tail) breadcrumbTails.push(tail);
    } else if (!isChromeLine(line) && !(FOOTER_RE.test(line) && !line.includes('。'))) {
      kept.push(line);
    }
  }

  let title: string | null = null;
  const titleIndex = kept.slice(0, 8).findIndex(isTitleCandidate);
  if (titleIndex >= 0) title = kept[titleIndex]!;
  else {
    const hinted = [meta.get('标题'), meta.get('文件名称'), ...breadcrumbTails].find(
      (t): t is string => t !== undefined && isTitleCandidate(t),
    );
    if (hinted) title = hinted;
  }

  let lines = kept;
  if (title !== null) {
    const key = spaceless(title);
    lines = kept.filter((line, i) => {
      if (i >= 10) return true;
      const s = spaceless(line);
      return !(s === key || (s.length > key.length && s.endsWith(key) && s.length - key.length <= 20));
    });
    title = cleanTitle(title);
  }

  return { lines, title, meta, signature: found ? found.signature : null };
}
