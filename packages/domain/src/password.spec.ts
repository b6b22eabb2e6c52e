import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS, isCommonPassword, passwordClasses, validatePassword } from './password.js';

describe('validatePassword', () => {
  it.each([
    ['Tr7#kq', 'officer', /不能少于 8 个字符/],
    ['20240315778899', 'officer', /至少 3 类/],
    ['abcdefghijkl', 'officer', /至少 3 类/],
    ['Admin@123', 'officer', /过于常见/],
    ['P@ssw0rd', 'officer', /过于常见/],
    ['Woaini1314', 'officer', /过于常见/],
    ['Qwer1234!', 'officer', /过于常见/],
    ['Admin@2024', 'officer', /过于常见/],
    ['Demo@2024zg', 'officer', /过于常见/],
    ['xOfficer#2024', 'officer', /不能包含用户名/],
    ['A1b2c3d4e5\nxyz', 'officer', /控制字符/],
    [`Aa1!${'x'.repeat(125)}`, 'officer', /不能超过 128 个字符/],
  ])('refuses %j for %s', (password, username, message) => {
    expect(validatePassword(password, username)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it.each([
    ['Kx9#mQ2vL!pz', 'officer'],
    [`Aa1!${'q'.repeat(60)}`, 'officer'],
    ['整改 工作 2024 安全', 'officer'],
    ['巡视整改落实Lx7', 'unitlead'],
    [`Aa1!${'z'.repeat(124)}`, 'officer'],
  ])('accepts %j', (password, username) => {
    expect(validatePassword(password, username)).toEqual([]);
  });

  it('counts characters, not UTF-16 units: 8 Chinese characters and digits are long enough', () => {
    expect(validatePassword('整改巡视 落实2024', 'x')).toEqual([]);
    expect(validatePassword('整改1 a', 'x')).toEqual(['密码长度不能少于 8 个字符']);
  });

  it('ignores usernames shorter than 3 characters', () => {
    expect(validatePassword('Kx9#mQ2vL!pz', 'kx')).toEqual([]);
  });
});

describe('passwordClasses', () => {
  it('treats Chinese characters as a class of their own and spaces as symbols', () => {
    expect(passwordClasses('整改 a1')).toEqual(['lower', 'digit', 'symbol', 'other_letter']);
    expect(passwordClasses('ABCdef')).toEqual(['lower', 'upper']);
  });
});

describe('isCommonPassword', () => {
  it('ships a few hundred entries, in lower case', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(300);
    expect(COMMON_PASSWORDS.every((entry) => entry === entry.toLowerCase())).toBe(true);
  });

  it('matches case-insensitively and ignores trailing symbols', () => {
    expect(isCommonPassword('AA123456')).toBe(true);
    expect(isCommonPassword('Aa123456!!')).toBe(true);
    expect(isCommonPassword('Kx9#mQ2vL!pz')).toBe(false);
  });
});
