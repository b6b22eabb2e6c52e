import { chinesePeriod } from '../documents/chinese.js';

// as the generator writes it (公开期限：2024年7月18日至8月8日。), or typed with a half-width colon
const SENTENCE = /公开期限[：:][^。\n]*。/g;

/**
 * The notice's 公开期限 sentence stated for this period, so the text never contradicts the period that governs the
 * opinions. A text without such a sentence is left as it is: the public page shows the period on its own too.
 */
export function withPublicityPeriod(text: string, from: string, to: string): string {
  return text.replace(SENTENCE, `公开期限：${chinesePeriod(from, to)}。`);
}
