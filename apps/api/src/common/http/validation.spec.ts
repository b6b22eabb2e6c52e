import { describe, expect, it } from '@jest/globals';
import { IsIn, IsInt, IsString, MaxLength, Min, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toFieldErrors } from './validation.js';

class Sample {
  @IsString() @MaxLength(5) name: string;
  @IsInt() @Min(1) size: number;
  @IsIn(['a', 'b']) kind: string;
}

describe('toFieldErrors', () => {
  it('translates constraint failures into Chinese messages per field', () => {
    const errors = validateSync(plainToInstance(Sample, { name: 'toolong', size: 0, kind: 'c' }));
    expect(toFieldErrors(errors)).toEqual({
      name: ['长度不能超过 5 个字符'],
      size: ['不能小于 1'],
      kind: ['取值必须是以下之一：a、b'],
    });
  });
});
