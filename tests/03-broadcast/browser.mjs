// Lesson 03 in a real browser: two pages (two tabs), ana and ben, chat through the page the
// server serves. Each sees the other's join notice and message, and the online count follows.
import {
  check, runBrowserTest, withBrowser, phonePage, checkPhoneLayout, checkSharedFiles, crowd,
} from '../browser-harness.mjs';

async function joinAs(browser, url, name) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.fill('#name', name);
  await page.click('#connect');
  await page.waitForSelector('#status[data-state="open"]');
  await page.locator('#status', { hasText: `connected as ${name}` }).waitFor();
  return { page, errors };
}

const line = (page, cls, text) => page.locator(`#log li.${cls}`, { hasText: text });
const online = (page) => page.locator('#online').getAttribute('data-count');

runBrowserTest('lesson 03 broadcast chat in chromium, two pages', async (server) => {
  await checkSharedFiles(server.url);
  await withBrowser(async (browser) => {
    const ana = await joinAs(browser, server.url, 'ana');
    check((await page(ana).locator('#url').textContent()) === `ws://127.0.0.1:${server.port}/ws?name=ana`,
      'the WebSocket URL is derived from the page address, with the name');
    await line(page(ana), 'notice', 'ana joined (1 online)').waitFor();
    check((await online(page(ana))) === '1', 'ana sees 1 online');

    const ben = await joinAs(browser, server.url, 'ben');
    await line(page(ana), 'notice', 'ben joined (2 online)').waitFor();
    await line(page(ben), 'notice', 'ben joined (2 online)').waitFor();
    check((await online(page(ana))) === '2' && (await online(page(ben))) === '2', 'both see 2 online');

    await page(ana).fill('#message', 'hi ben');
    await page(ana).click('#send');
    await line(page(ben), 'chat', 'hi ben').waitFor();
    check((await line(page(ben), 'chat', 'hi ben').locator('.who').textContent()) === 'ana',
      'ben sees the message under ana\'s name');
    await line(page(ana), 'chat.mine', 'hi ben').waitFor(); // the sender gets it too

    // Whatever a peer sends is text, never markup.
    await page(ben).fill('#message', '<img src=x onerror=alert(1)> hi ana');
    await page(ben).press('#message', 'Enter');
    await line(page(ana), 'chat', 'hi ana').waitFor();
    check((await page(ana).locator('#log img').count()) === 0, 'no element was created from a message');

    await page(ben).click('#disconnect');
    await page(ben).waitForSelector('#status[data-state="closed"]');
    check((await page(ben).locator('#status').textContent()).includes('1000'), 'ben closed with 1000');
    await line(page(ana), 'notice', 'ben left (1 online)').waitFor();
    check((await online(page(ana))) === '1', 'ana is alone again');

    // On a phone, with 8 people in the room and 25 messages: rows that fit, the composer on
    // screen, the list scrolling.
    const phoneErrors = [];
    const phone = await phonePage(browser, phoneErrors);
    await phone.goto(server.url);
    await phone.fill('#name', 'phone');
    await phone.click('#connect');
    await phone.locator('#status', { hasText: 'connected as phone' }).waitFor();
    const ws = `ws://127.0.0.1:${server.port}/ws`;
    await crowd(phone, [1, 2, 3, 4, 5, 6, 7].map((i) => `${ws}?name=user${i}`),
      Array.from({ length: 25 }, (_, i) => `message ${i + 1}`));
    await line(phone, 'chat', 'message 25').waitFor();
    await checkPhoneLayout(phone, {
      rows: [['#name', '#connect', '#disconnect'], ['#message', '#send']], placeholders: ['#name', '#message'],
    });

    for (const who of [ana, ben, { errors: phoneErrors }])
      check(who.errors.length === 0, `no script errors: ${who.errors.join('; ')}`);
  });
});

function page(who) { return who.page; }
