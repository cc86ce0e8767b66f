import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** The command that gives this machine the browser the suite drives. */
export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

/**
 * Debian's Chromium: `CHROME_PATH`, else `/usr/bin/chromium`. The suite downloads no browser.
 */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium was not found at ${path}. Install it with \`${INSTALL_CHROMIUM}\` (as root), or set CHROME_PATH.`);
  }
  return path;
}

/** Flags for a headless Chromium on a machine with no network but the loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
