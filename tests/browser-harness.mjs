// Helpers for the browser tests: start a lesson server the way a student does (its real binary,
// on a port the OS picks, readiness read from its own "listening on" line), then drive Debian's
// chromium with playwright-core. Nothing is downloaded and only 127.0.0.1 is ever contacted.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TIMEOUT_MS = 15000;

// Spawns `binary --port 0 [...args]` and resolves once it prints its URL.
export function startServer(binary, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not say "listening on" within ${TIMEOUT_MS} ms:\n${output}`));
    }, TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:(\d+)\/)/);
      if (match && !server.url) {
        clearTimeout(timer);
        server.url = match[1];
        server.port = Number(match[2]);
        resolve(server);
      }
    };
    const server = {
      url: null,
      port: null,
      output: () => output,
      // SIGINT, like Ctrl-C; resolves with the exit code.
      stop: () => new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill('SIGINT');
      }),
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (!server.url) {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before listening:\n${output}`));
      }
    });
  });
}

// Launches headless chromium with a throwaway profile, runs fn(browser), always cleans up.
export async function withBrowser(fn) {
  const profile = mkdtempSync(path.join(tmpdir(), 'wscourse-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  browser.setDefaultTimeout(TIMEOUT_MS);
  try {
    return await fn(browser);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Runs one browser test: main(serverBinary) with a clear PASS/FAIL line and exit code.
export async function runBrowserTest(name, main) {
  const binary = process.argv[2];
  if (!binary) {
    console.error(`usage: node ${process.argv[1]} PATH/TO/lessonNN-solution`);
    process.exit(2);
  }
  const server = await startServer(binary);
  let failed = false;
  try {
    await main(server);
    console.log(`PASS ${name}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${name}: ${error.stack || error}`);
    console.error(`--- server output ---\n${server.output()}`);
  } finally {
    const code = await server.stop();
    if (!failed && code !== 0) {
      failed = true;
      console.error(`FAIL ${name}: server exited with ${code} after SIGINT (want 0)`);
    }
  }
  process.exit(failed ? 1 : 0);
}

// Rejects with `message` unless condition holds.
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The phone every browser test also checks: an iPhone 12-15 sized viewport.
export const PHONE = { width: 390, height: 844 };

// A new page at the phone's size, recording script errors in `errors`.
export async function phonePage(browser, errors) {
  const page = await browser.newPage();
  await page.setViewportSize(PHONE);
  page.on('pageerror', (error) => errors.push(`phone: ${error.message}`));
  return page;
}

// Checks the page as it is now, scrolled to the top, on the phone: the composer is on screen
// without scrolling, nothing is wider than the screen, each of `rows` (lists of selectors)
// sits on one line, each field in `placeholders` shows its whole placeholder, and the footer's
// code (the ?ws= hint) does not break.
export async function checkPhoneLayout(page, { composer = '#composer', rows = [], placeholders = [] } = {}) {
  const problems = await page.evaluate(({ composer, rows, placeholders }) => {
    window.scrollTo(0, 0);
    const found = [];
    const box = document.querySelector(composer).getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      found.push(`the composer is at ${Math.round(box.top)}-${Math.round(box.bottom)} px, `
        + `below the screen's ${window.innerHeight} px`);
    }
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) found.push(`the page is ${width} px wide, the screen ${window.innerWidth}`);
    for (const row of rows) {
      // On one row: every box overlaps every other vertically.
      const boxes = row.map((selector) => document.querySelector(selector).getBoundingClientRect());
      if (Math.max(...boxes.map((b) => b.top)) >= Math.min(...boxes.map((b) => b.bottom))) {
        found.push(`${row.join(', ')} are not on one row`);
      }
    }
    const context = document.createElement('canvas').getContext('2d');
    for (const selector of placeholders) {
      const input = document.querySelector(selector);
      const style = getComputedStyle(input);
      context.font = style.font;
      const needed = context.measureText(input.placeholder).width;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (needed > room) found.push(`${selector}'s placeholder "${input.placeholder}" needs ${Math.ceil(needed)} px, has ${Math.floor(room)}`);
    }
    for (const code of document.querySelectorAll('footer code')) {
      if (code.getClientRects().length > 1) found.push(`the footer's "${code.textContent}" breaks over two lines`);
    }
    return found;
  }, { composer, rows, placeholders });
  check(problems.length === 0, `on a ${PHONE.width}×${PHONE.height} phone: ${problems.join('; ')}`);
}

// The files every lesson server serves besides its own: the favicon and web/common/.
export async function checkSharedFiles(serverUrl) {
  for (const path of ['favicon.ico', 'common/client.js', 'common/client.css']) {
    const response = await fetch(new URL(path, serverUrl));
    check(response.status === 200, `GET /${path} answered ${response.status}, want 200`);
  }
}

// Opens a WebSocket to each of urls from inside page (so they live as long as it does), then
// sends messages over them in turn: a busy room, as a phone in a classroom sees it.
export async function crowd(page, urls, messages) {
  await page.evaluate(async ({ urls, messages }) => {
    const sockets = [];
    for (const url of urls) {
      const ws = new WebSocket(url);
      await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
      sockets.push(ws);
    }
    messages.forEach((message, i) => sockets[i % sockets.length].send(message));
    window.crowd = sockets;
  }, { urls, messages });
}
