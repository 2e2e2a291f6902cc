// Lesson 04 in a real browser: two pages, ana and ben, chat through the lesson's HTML client.
// Each sees the other in the online list and the other's message; a second tab of ana's is
// not a new user; the raw JSON view shows the frames; peer text is never markup.
import {
  check, runBrowserTest, withBrowser, phonePage, checkPhoneLayout, checkSharedFiles, crowd,
} from '../browser-harness.mjs';

const onlineUsers = async (page) => (await page.locator('#online li').allTextContents()).sort();

async function join(browser, url, name) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.fill('#name', name);
  await page.click('#connect');
  await page.waitForSelector('#status[data-state="open"]');
  await page.locator('#online li', { hasText: name }).waitFor();
  return { page, errors };
}

runBrowserTest('lesson 04 chat between two pages in chromium', async (server) => {
  await checkSharedFiles(server.url);
  await withBrowser(async (browser) => {
    const ana = await join(browser, server.url, 'ana');
    const ben = await join(browser, server.url, 'ben');

    // Each sees the other in the online list.
    await ana.page.locator('#online li', { hasText: 'ben' }).waitFor();
    check(JSON.stringify(await onlineUsers(ana.page)) === '["ana","ben"]', 'ana sees ana and ben online');
    check(JSON.stringify(await onlineUsers(ben.page)) === '["ana","ben"]', 'ben sees ana and ben online');
    check((await ana.page.locator('#online-count').textContent()) === '2', 'the count says 2');
    await ana.page.locator('#messages li.notice', { hasText: 'ben joined' }).waitFor();

    // ana writes, ben reads; ben answers, ana reads.
    await ana.page.fill('#message', 'hello ben');
    await ana.page.click('#send');
    await ben.page.locator('#messages li.message', { hasText: 'hello ben' }).waitFor();
    check((await ben.page.locator('#messages li.message .from').first().textContent()) === 'ana',
      'ben sees the message from ana');
    await ben.page.fill('#message', 'hi ana');
    await ben.page.press('#message', 'Enter');
    await ana.page.locator('#messages li.message', { hasText: 'hi ana' }).waitFor();

    // A peer's text is text, never markup.
    await ben.page.fill('#message', '<img src=x onerror=alert(1)>');
    await ben.page.click('#send');
    await ana.page.locator('#messages li.message', { hasText: '<img src=x' }).waitFor();
    check((await ana.page.locator('#messages img').count()) === 0, 'no element was created from a message');

    // A second tab of ana's: not a new user, and both of her tabs hear "2 tabs".
    const anaJoined = () => ben.page.locator('#messages li.notice', { hasText: 'ana joined' }).count();
    const anaJoinedBefore = await anaJoined();  // 0, or 1 if ben's welcome came before ana's presence
    const ana2 = await join(browser, server.url, 'ana');
    await ana.page.locator('#me', { hasText: 'connected from 2 tabs' }).waitFor();
    await ana2.page.locator('#me', { hasText: 'connected from 2 tabs' }).waitFor();
    check(JSON.stringify(await onlineUsers(ben.page)) === '["ana","ben"]', 'ben still sees two users');
    check((await anaJoined()) === anaJoinedBefore, 'no second "ana joined" for ben');

    // The raw JSON view shows the frames as they travelled.
    check(await ana.page.locator('#raw').isHidden(), 'the raw view starts hidden');
    await ana.page.check('#show-raw');
    check(await ana.page.locator('#raw').isVisible(), 'the toggle shows the raw view');
    await ana.page.locator('#raw li.received', { hasText: '"type":"welcome"' }).waitFor();
    await ana.page.locator('#raw li.sent', { hasText: '{"type":"message","text":"hello ben"}' }).waitFor();

    // Ping gets a pong.
    await ben.page.click('#ping');
    await ben.page.locator('#messages li.notice', { hasText: 'round trip' }).waitFor();

    // ben leaves: ana's tabs see it.
    await ben.page.click('#disconnect');
    await ben.page.waitForSelector('#status[data-state="closed"]');
    await ana.page.locator('#messages li.notice', { hasText: 'ben left' }).waitFor();
    check(JSON.stringify(await onlineUsers(ana.page)) === '["ana"]', 'ana sees ben gone');

    // /api/stats agrees: ana's two tabs, one user.
    const stats = await (await ana.page.request.get(new URL('/api/stats', server.url).href)).json();
    check(stats.connections === 2 && stats.unique_users === 1, `stats: ${JSON.stringify(stats)}`);

    // On a phone, with 8 users online and 25 messages: rows that fit, the composer on screen.
    const phoneErrors = [];
    const phone = await phonePage(browser, phoneErrors);
    await phone.goto(server.url);
    await phone.fill('#name', 'phone');
    await phone.click('#connect');
    await phone.locator('#online li', { hasText: 'phone' }).waitFor();
    const ws = `ws://127.0.0.1:${server.port}/ws`;
    await crowd(phone, [1, 2, 3, 4, 5, 6, 7].map((i) => `${ws}?user=user${i}`),
      Array.from({ length: 25 }, (_, i) => JSON.stringify({ type: 'message', text: `message ${i + 1}` })));
    await phone.locator('#messages li.message', { hasText: 'message 25' }).waitFor();
    check((await phone.locator('#online li').count()) >= 8, 'the phone sees at least 8 users');
    await checkPhoneLayout(phone, {
      rows: [['#name', '#connect', '#disconnect'], ['#message', '#send', '#ping']],
      placeholders: ['#name', '#message'],
    });

    const errors = [...ana.errors, ...ben.errors, ...ana2.errors, ...phoneErrors];
    check(errors.length === 0, `no script errors: ${errors.join('; ')}`);
  });
});
