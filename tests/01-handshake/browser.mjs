// Lesson 01 in a real browser: chromium loads the page from the lesson server, connects,
// sends a text message and sees the server's description of the frame it sent. Then the same
// page on a phone, and what the page says when a handshake fails.
import {
  runBrowserTest, withBrowser, check, phonePage, checkPhoneLayout, checkSharedFiles,
} from '../browser-harness.mjs';

await runBrowserTest('lesson 01: the page connects, sends and shows the decoded frame', async (server) => {
  await checkSharedFiles(server.url);
  await withBrowser(async (browser) => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(server.url);
    await page.waitForSelector('#status[data-state="closed"]');
    check(await page.inputValue('#url') === `ws://127.0.0.1:${server.port}/`,
      `the WebSocket URL comes from location, got ${await page.inputValue('#url')}`);

    await page.click('#connect');
    await page.waitForSelector('#status[data-state="open"]');

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

    // 65 536 bytes arrive in several reads, each unmasked with its offset: still "x" * 65536.
    await page.click('button[data-size="65536"]');
    await page.locator('#log li.received', { hasText: 'length=65536 (64-bit length)' }).waitFor();
    check((await page.locator('#log li.received').last().textContent()).includes('as text: "xxxx'),
      'a 64 KiB message unmasked chunk by chunk is still all "x"');

    // 70 000 bytes is over this lesson's 64 KiB limit: the server closes with 1009.
    await page.click('button[data-size="70000"]');
    await page.waitForSelector('#status[data-state="closed"]');
    let status = await page.textContent('#status');
    check(status.includes('1009'), `a message over the limit closes with 1009, got "${status}"`);

    // Connect again, then disconnect: a clean close handshake, echoed with 1000.
    check((await page.textContent('#connect')) === 'Reconnect', 'after a close, Connect says Reconnect');
    await page.click('#connect');
    await page.waitForSelector('#status[data-state="open"]');
    await page.click('#disconnect');
    await page.waitForSelector('#status[data-state="closed"]');
    status = await page.textContent('#status');
    check(status.includes('1000'), `a clean close with 1000, got "${status}"`);

    // A handshake that fails shows only 1006 in a browser: the page says where to look.
    await page.goto(`${server.url}?ws=ws://127.0.0.1:1/`);
    await page.click('#connect');
    await page.waitForSelector('#status[data-state="error"]');
    await page.locator('#log li.error', { hasText: './course check 1' }).waitFor();

    // On a phone, after 25 messages: one row for the address and its buttons, the composer
    // on screen, and the frame descriptions kept as columns (never wrapped).
    const phone = await phonePage(browser, errors);
    await phone.goto(server.url);
    await phone.click('#connect');
    await phone.waitForSelector('#status[data-state="open"]');
    for (let i = 1; i <= 25; ++i) {
      await phone.fill('#message', `message ${i}`);
      await phone.press('#message', 'Enter');
    }
    await phone.locator('#log li.received', { hasText: 'as text: "message 25"' }).waitFor();
    await checkPhoneLayout(phone, { rows: [['#url', '#connect', '#disconnect']], placeholders: ['#message'] });
    const whiteSpace = await phone.locator('#log li.received .text').first()
      .evaluate((element) => getComputedStyle(element).whiteSpace);
    check(whiteSpace === 'pre', `the frame description keeps its columns (white-space: ${whiteSpace})`);

    check(errors.length === 0, `no script errors: ${errors.join('; ')}`);
  });
});
