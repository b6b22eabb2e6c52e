import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage, IsIn, IsInt, IsString, MaxLength, Min, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { cacheValidationMetadata, toFieldErrors } from './validation.js';

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

describe('cacheValidationMetadata', () => {
  it('answers the same rules as the registry, and sees rules added after the first lookup', () => {
    const storage = getMetadataStorage();
    class Parent {
      @IsString() name: string;
    }
    class Child extends Parent {
      @IsInt() size: number;
    }
    const before = storage.getTargetValidationMetadatas(Child, '', false, false);
    cacheValidationMetadata(storage);
    cacheValidationMetadata(storage); // idempotent
    const cached = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(cached).toEqual(before);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).not.toBe(cached);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['x'])).toEqual(
      storage.getTargetValidationMetadatas(Child, '', false, false, ['x']),
    );
    // a rule added later (a class decorated after the pipe was made) is seen at once, inherited ones too
    MaxLength(3)(Parent.prototype, 'name');
    expect(validateSync(plainToInstance(Child, { name: 'toolong', size: 1 }))).toHaveLength(1);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toHaveLength(before.length + 1);
    // the cached lookup still refuses what the uncached one refused
    expect(validateSync(plainToInstance(Sample, { name: 'toolong', size: 0, kind: 'c' }))).toHaveLength(3);
    expect(validateSync(plainToInstance(Sample, { name: 'ok', size: 1, kind: 'a' }))).toHaveLength(0);
  });
});
