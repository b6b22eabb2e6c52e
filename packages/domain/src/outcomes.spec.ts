import { describe, expect, it } from 'vitest';
import { APPROVAL_OUTCOME_LABELS } from './workflow.js';
import { ACCOUNTABILITY_FORMS, bookTitle, COUNT_UNITS, FUND_KINDS, RULE_ROLE_LABELS, RULE_ROLES } from './outcomes.js';

describe('outcome lists', () => {
  it('labels every rule role', () => {
    expect(RULE_ROLES.map((role) => RULE_ROLE_LABELS[role])).toEqual(['印发', '修订', '学习', '提及']);
  });

  it('holds the closed lists the API validates against', () => {
    expect(ACCOUNTABILITY_FORMS[0]).toBe('问责');
    expect(ACCOUNTABILITY_FORMS).toHaveLength(10);
    expect(COUNT_UNITS).toEqual(['人', '人次', '家']);
    expect(FUND_KINDS).toEqual(['追缴', '清退', '收回', '挽回']);
  });

  it('labels the two ways a measure is signed off', () => {
    expect(APPROVAL_OUTCOME_LABELS).toEqual({ completed: '已完成', deemed_completed: '视同完成' });
  });
});

describe('bookTitle', () => {
  it('shows a title in book-title marks once, typed with or without them', () => {
    expect(bookTitle('河湖长制工作规则')).toBe('《河湖长制工作规则》');
    expect(bookTitle(' 《河湖长制工作规则》 ')).toBe('《河湖长制工作规则》');
    expect(bookTitle('《河湖长制工作规则')).toBe('《河湖长制工作规则》');
  });
});
