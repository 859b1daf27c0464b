/** A bad OFFLINE_AUTOSAVE_MAX_KB stops the build with the setting, the value and the fix: no stack trace. */
import { describe, expect, it } from 'vitest';
import { runBuild } from '../support/buildSite.ts';

describe('OFFLINE_AUTOSAVE_MAX_KB', () => {
  it.each(['2MB', '-1'])('%s is explained, not thrown', (value) => {
    const { status, output } = runBuild({ key: 'offline-bad-setting', env: { OFFLINE_AUTOSAVE_MAX_KB: value } });
    expect(status).not.toBe(0);
    expect(output).toContain(`OFFLINE_AUTOSAVE_MAX_KB: 必须是不小于 0 的整数（单位 KiB），例如 2048`);
    expect(output).toContain(`（当前值："${value}"）`);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
