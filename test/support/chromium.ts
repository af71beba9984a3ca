/** Debian's Chromium (no browser download); `npm test` installs it with apt-get when missing (test/support/run.mjs). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
