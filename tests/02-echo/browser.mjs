// Lesson 02 in a real browser: the page the server serves connects to /ws, gets the welcome,
// echoes a text and a binary message, answers a JSON ping with a pong, and disconnects.
import {
  check, runBrowserTest, withBrowser, phonePage, checkPhoneLayout, checkSharedFiles,
} from '../browser-harness.mjs';

const logText = (page) => page.locator('#log').innerText();

runBrowserTest('lesson 02 echo in chromium', async (server) => {
  await checkSharedFiles(server.url);
  await withBrowser(async (browser) => {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(server.url);
    check((await page.locator('#url').textContent()) === `ws://127.0.0.1:${server.port}/ws`,
      'the WebSocket URL is derived from the page address');

    await page.click('#connect');
    await page.waitForSelector('#status[data-state="open"]');
    await page.locator('#log li.received', { hasText: '"type":"welcome"' }).waitFor();

    await page.fill('#message', 'hello from chromium');
    await page.click('#send');
    await page.locator('#log li.received', { hasText: 'hello from chromium' }).waitFor();
    const echo = await page.locator('#log li.received', { hasText: 'hello from chromium' }).innerText();
    check(echo.includes('text 19 B'), `the echo is a 19-byte text frame: ${echo}`);

    await page.check('#binary');
    await page.fill('#message', 'AB');
    await page.click('#send');
    await page.locator('#log li.received', { hasText: 'binary 2 B' }).waitFor();
    check((await page.locator('#log li.received', { hasText: 'binary 2 B' }).innerText()).includes('41 42'),
      'the binary echo shows the bytes 41 42');
    await page.uncheck('#binary');

    await page.click('#ping');
    await page.locator('#log li.received', { hasText: '"type":"pong"' }).waitFor();
    check((await page.locator('#log li.received', { hasText: '"type":"pong"' }).innerText()).includes('round trip'),
      'the pong is matched to its ping');

    // Whatever the server sends is text, never markup.
    await page.fill('#message', '<img src=x onerror=alert(1)>');
    await page.click('#send');
    await page.locator('#log li.received', { hasText: '<img src=x' }).waitFor();
    check((await page.locator('#log img').count()) === 0, 'no element was created from a message');

    await page.click('#disconnect');
    await page.waitForSelector('#status[data-state="closed"]');
    const status = await page.locator('#status').textContent();
    check(status.includes('1000'), `closed with 1000, status says: ${status}`);
    check(pageErrors.length === 0, `no script errors: ${pageErrors.join('; ')}`);
    check((await logText(page)).includes('closed: 1000 normal'), 'the log shows the close code');

    // On a phone, after 25 echoes: the address and its buttons on one row, the whole
    // placeholder, the composer on screen.
    const phone = await phonePage(browser, pageErrors);
    await phone.goto(server.url);
    await phone.click('#connect');
    await phone.waitForSelector('#status[data-state="open"]');
    for (let i = 1; i <= 25; ++i) {
      await phone.fill('#message', `echo ${i}`);
      await phone.press('#message', 'Enter');
    }
    await phone.locator('#log li.received', { hasText: 'echo 25' }).waitFor();
    await checkPhoneLayout(phone, {
      rows: [['#url', '#connect', '#disconnect'], ['#message', '#send']], placeholders: ['#message'],
    });
    check(pageErrors.length === 0, `no script errors on the phone: ${pageErrors.join('; ')}`);
  });
});
