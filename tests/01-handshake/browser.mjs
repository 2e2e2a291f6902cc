// Lesson 01 in a real browser: chromium loads the page from the lesson server, connects,
// sends a text message and sees the server's description of the frame it sent.
import { runBrowserTest, withBrowser, check } from '../browser-harness.mjs';

await runBrowserTest('lesson 01: the page connects, sends and shows the decoded frame', async (server) => {
  await withBrowser(async (browser) => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(server.url);
    check((await page.textContent('#status')).includes('disconnected'), 'starts disconnected');
    check(await page.inputValue('#url') === `ws://127.0.0.1:${server.port}/`,
      `the WebSocket URL comes from location, got ${await page.inputValue('#url')}`);

    await page.click('#connect');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('connected'));

    await page.fill('#message', 'hello from chromium');
    await page.click('#send');
    await page.waitForFunction(() => document.querySelector('#log').textContent
      .includes('as text: "hello from chromium"'));
    const log = await page.textContent('#log');
    check(log.includes('→ sent'), 'the log shows what we sent, with a direction');
    check(log.includes('← received'), 'the log shows what came back, with a direction');
    check(log.includes('opcode=0x1 (text)'), 'the answer describes a text frame');
    check(log.includes('MASK=1 length=19 (7-bit length)'), 'the browser masked its 19-byte frame');
    check(log.includes('Sec-WebSocket-Accept'), 'the first answer shows the accept computation');

    // 70 000 bytes is over this lesson's 64 KiB limit: the server closes with 1009.
    await page.click('button[data-size="70000"]');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('closed'));
    let status = await page.textContent('#status');
    check(status.includes('1009'), `a message over the limit closes with 1009, got "${status}"`);

    // Connect again, then disconnect: a clean close handshake, echoed with 1000.
    await page.click('#connect');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('connected'));
    await page.click('#disconnect');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('closed'));
    status = await page.textContent('#status');
    check(status.includes('1000'), `a clean close with 1000, got "${status}"`);

    check(errors.length === 0, `no script errors: ${errors.join('; ')}`);
  });
});
