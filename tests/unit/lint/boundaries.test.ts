/**
 * The lint rule that keeps the layers and core modules apart (eslint.boundaries.js and the
 * no-restricted-imports rules in eslint.config.js) must catch every forbidden arrow. Each file
 * in tests/lint-fixtures is linted as if it stood at its `lint-as` path and must be reported by
 * the rule its `expect` line names (or by none, for the allowed controls).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const fixtures = join(root, 'tests/lint-fixtures');

interface Fixture {
  name: string;
  code: string;
  lintAs: string;
  expected: string;
}

function readFixtures(): Fixture[] {
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('.ts'))
    .map((name) => {
      const code = readFileSync(join(fixtures, name), 'utf8');
      const lintAs = /^\/\/ lint-as: (\S+)$/m.exec(code)?.[1];
      const expected = /^\/\/ expect: (\S+)$/m.exec(code)?.[1];
      if (!lintAs || !expected) throw new Error(`${name} needs "// lint-as:" and "// expect:" lines`);
      return { name, code, lintAs, expected };
    });
}

const eslint = new ESLint({ cwd: root });

describe('the architecture lint rule', () => {
  const all = readFixtures();

  it('has a wrong file for every forbidden arrow, and allowed controls', () => {
    expect(all.filter((f) => f.expected !== 'nothing').length).toBeGreaterThanOrEqual(20);
    expect(all.filter((f) => f.expected === 'nothing').length).toBeGreaterThanOrEqual(3);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const [result] = await eslint.lintText(fixture.code, { filePath: join(root, fixture.lintAs) });
    const reported = (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports');
    if (fixture.expected === 'nothing') expect(reported).toEqual([]);
    else expect(reported.map((m) => m.ruleId)).toContain(fixture.expected);
  }, 60_000);
});
