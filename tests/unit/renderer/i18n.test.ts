import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allErrorMessageKeys } from '../../../src/shared/errors';
import { en, zhCN } from '../../../src/shared/i18n/resources';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const locales = { en: flatten(en), 'zh-CN': flatten(zhCN) };

/** Keys the source asks for literally: t('a.b'), plus plural bases (a.b_one → a.b). */
function keysUsedInSource(): Set<string> {
  const root = resolve(__dirname, '../../../src/renderer/src');
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_]+\.[a-zA-Z_.]+)'/g)) used.add(m[1]!);
      }
    }
  };
  walk(root);
  return used;
}

describe('locales', () => {
  it('has one file per section in each language, and the loader assembles every one of them', () => {
    const dir = resolve(__dirname, '../../../src/shared/i18n');
    const sections = (lang: string) => readdirSync(join(dir, lang)).map((f) => f.replace(/\.json$/, '')).sort();
    expect(sections('zh-CN')).toEqual(sections('en'));
    expect(Object.keys(en).sort()).toEqual(sections('en'));
    expect(Object.keys(zhCN).sort()).toEqual(sections('zh-CN'));
  });

  it('en and zh-CN have exactly the same keys', () => {
    const enKeys = [...locales.en.keys()].sort();
    const zhKeys = [...locales['zh-CN'].keys()].sort();
    expect(zhKeys).toEqual(enKeys);
  });

  it('translate every error message key', () => {
    for (const [name, keys] of Object.entries(locales)) {
      for (const key of allErrorMessageKeys()) {
        expect(keys.get(key), `${name} is missing ${key}`).toBeTruthy();
      }
    }
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    for (const [key, value] of locales.en) {
      const zh = locales['zh-CN'].get(key) ?? '';
      expect(value.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(zh), key).toEqual(vars(value));
    }
  });

  it('contain every key the renderer source uses literally', () => {
    const known = new Set([...locales.en.keys()].map((k) => k.replace(/_(one|other)$/, '')));
    const missing = [...keysUsedInSource()].filter((k) => !known.has(k));
    expect(missing).toEqual([]);
  });
});
