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
