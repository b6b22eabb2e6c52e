import { describe, expect, it } from '@jest/globals';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();
  it('derives snake_case table and column names', () => {
    expect(strategy.tableName('MeasureUnitEntity', undefined)).toBe('measure_unit');
    expect(strategy.columnName('responsibleLeaderId', undefined, [])).toBe('responsible_leader_id');
    expect(strategy.joinColumnName('leadUnit', 'id')).toBe('lead_unit_id');
  });
});
