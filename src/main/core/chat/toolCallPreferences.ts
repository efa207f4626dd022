import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TOOL_CALL_SETTINGS, TOOL_CALL_LIMITS, type ToolCallSettings } from '../../../shared/toolCalls';

const bounded = (l: { min: number; max: number }, fallback: number) => z.number().int().min(l.min).max(l.max).catch(fallback);
const d = DEFAULT_TOOL_CALL_SETTINGS;
const schema = z.object({
  approval: z.enum(['ask', 'auto']).catch(d.approval),
  maxRounds: bounded(TOOL_CALL_LIMITS.maxRounds, d.maxRounds),
  timeoutSeconds: bounded(TOOL_CALL_LIMITS.timeoutSeconds, d.timeoutSeconds),
  resultCapBytes: bounded(TOOL_CALL_LIMITS.resultCapBytes, d.resultCapBytes),
  enabledByDefault: z.boolean().catch(d.enabledByDefault),
});

/**
 * The tool-call settings in tool-calls.json in the data folder (a file of their own, like
 * updates.json, so they never race the main settings store); each unreadable field falls back
 * to its default. No file (tests, first start): the defaults, kept in memory.
 */
export class ToolCallPreferences {
  private value: ToolCallSettings;

  constructor(private readonly file: string | null) {
    this.value = file ? ToolCallPreferences.read(file) : { ...d };
  }

  private static read(file: string): ToolCallSettings {
    try {
      return schema.parse({ ...d, ...(JSON.parse(readFileSync(file, 'utf8')) as object) });
    } catch {
      return { ...d };
    }
  }

  get(): ToolCallSettings {
    return { ...this.value };
  }

  set(patch: Partial<ToolCallSettings>): ToolCallSettings {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.value = schema.parse({ ...this.value, ...defined });
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      const partial = `${this.file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(this.value), { mode: 0o600 });
      renameSync(partial, this.file);
    }
    return this.get();
  }
}
