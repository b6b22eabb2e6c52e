import { chineseNumeral } from '@/lib/format';
import type { Measure } from '../api/get-measures';

/** 一是、二是… as in the notice. */
export function measureNumber(measure: Pick<Measure, 'seq'>): string {
  return `${chineseNumeral(measure.seq)}是`;
}
