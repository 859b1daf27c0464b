/**
 * Finds Debian's Chromium, installing it when we can (root with apt-get), or
 * stops with the exact command to run. Browser downloads do not work here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { toolSettings } from '../../src/config.ts';

export const CHROMIUM_PATH = toolSettings.chromiumPath;
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk';

export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('未找到 Chromium，正在用 apt-get 安装 chromium 和 fonts-noto-cjk……');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  }
  throw new Error(
    `浏览器测试需要 Debian 的 Chromium（${CHROMIUM_PATH}），但没有找到。\n` +
      `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}. Install it with:\n\n  ${INSTALL_COMMAND}\n`,
  );
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Debian Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
