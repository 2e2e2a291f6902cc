// Lesson 05 in a real browser: ana and ben, two pages of the lesson's HTML client, join the
// same room from the room list and chat; ana writes to ben privately; an announcement from
// POST /api/broadcast reaches both; ana leaves the room and it disappears from the list.
import {
  check, runBrowserTest, withBrowser, phonePage, checkPhoneLayout, checkSharedFiles, crowd,
} from '../browser-harness.mjs';

async function openAs(browser, server, user, errors) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(`${user}: ${error.message}`));
  await page.goto(server.url);
  await page.fill('#name', user);
  await page.click('#connect');
  await page.waitForSelector('#status[data-state="open"]');
  await page.locator('#me', { hasText: `you are ${user}` }).waitFor();
  return page;
}

const messageIn = (page, text) => page.locator('#messages li.message:not([hidden])', { hasText: text });

runBrowserTest('lesson 05 rooms and private messages in chromium', async (server) => {
  await checkSharedFiles(server.url);
  await withBrowser(async (browser) => {
    const errors = [];
    const ana = await openAs(browser, server, 'ana', errors);
    const ben = await openAs(browser, server, 'ben', errors);

    // ana creates "general" by joining it; ben finds it in his room list (GET /api/rooms).
    await ana.fill('#room-name', 'general');
    await ana.click('#join-room');
    await ana.locator('#current-room', { hasText: 'general' }).waitFor();
    await ben.click('#refresh-rooms');
    const listed = ben.locator('#rooms li[data-room="general"]');
    await listed.waitFor();
    check((await listed.innerText()).includes('1 user'), 'the room list shows one user in general');
    await listed.locator('button').click();
    await ben.locator('#current-room', { hasText: 'general' }).waitFor();
    await ana.locator('#messages li.notice', { hasText: 'ben joined general' }).waitFor();

    // They chat in the room.
    await ana.fill('#message', 'hello ben, this is general');
    await ana.click('#send');
    await messageIn(ben, 'hello ben, this is general').waitFor();
    await ben.fill('#message', 'hi ana <b>bold?</b>');
    await ben.click('#send');
    await messageIn(ana, 'hi ana <b>bold?</b>').waitFor();
    check((await ana.locator('#messages b').count()) === 0, 'a peer\'s text never becomes markup');
    const line = await messageIn(ana, 'hello ben').innerText();
    check(line.includes('ana'), `the message shows its sender: ${line}`);

    // A private message from ana reaches ben, and ana gets the receipt.
    await ana.locator('#online li[data-user="ben"] button').click();
    check((await ana.inputValue('#pm-to')) === 'ben', 'clicking a name fills the private form');
    await ana.fill('#pm-text', 'just between us');
    await ana.click('#pm-send');
    await ben.locator('#messages li.private', { hasText: 'just between us' }).waitFor();
    check((await ben.locator('#messages li.private', { hasText: 'just between us' }).innerText()).includes('ana'),
      'ben sees who wrote privately');
    await ana.locator('#messages li.private.mine', { hasText: '1 tab' }).waitFor();

    // An announcement from the instructor's machine (this test runs on loopback).
    const response = await fetch(`${server.url}api/broadcast`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'five minutes left' }),
    });
    check(response.status === 200, `POST /api/broadcast answered ${response.status}`);
    for (const page of [ana, ben]) {
      await page.locator('#announcement', { hasText: 'five minutes left' }).waitFor();
      await page.locator('#messages li.announcement', { hasText: 'five minutes left' }).waitFor();
    }

    // Ana leaves; the room has ben alone, then nobody once he leaves too.
    await ana.click('#leave-room');
    await ana.locator('#current-room', { hasText: 'none' }).waitFor();
    await ben.locator('#messages li.notice', { hasText: 'ana left general' }).waitFor();
    await ben.click('#leave-room');
    await ben.locator('#current-room', { hasText: 'none' }).waitFor();
    const rooms = await (await fetch(`${server.url}api/rooms`)).json();
    check(rooms.length === 0, `the empty room is gone: ${JSON.stringify(rooms)}`);

    // On a phone, in a room with 8 users and 25 messages: rows that fit, the composer on
    // screen, the room list under the chat.
    const phone = await phonePage(browser, errors);
    await phone.goto(server.url);
    await phone.fill('#name', 'phone');
    await phone.click('#connect');
    await phone.waitForSelector('#status[data-state="open"]');
    await phone.fill('#room-name', 'phones');
    await phone.click('#join-room');
    await phone.locator('#current-room', { hasText: 'phones' }).waitFor();
    const ws = `ws://127.0.0.1:${server.port}/ws`;
    const join = JSON.stringify({ type: 'join_room', room: 'phones' });
    await crowd(phone, [1, 2, 3, 4, 5, 6, 7].map((i) => `${ws}?user=user${i}`),
      [...Array(7).fill(join), ...Array.from({ length: 25 },
        (_, i) => JSON.stringify({ type: 'message', room: 'phones', text: `message ${i + 1}` }))]);
    await messageIn(phone, 'message 25').waitFor();
    await checkPhoneLayout(phone, {
      rows: [['#name', '#connect', '#disconnect'], ['#message', '#send'], ['#pm-to', '#pm-text', '#pm-send']],
      placeholders: ['#name', '#message', '#pm-to', '#pm-text'],
    });

    await ana.click('#disconnect');
    await ana.waitForSelector('#status[data-state="closed"]');
    check((await ana.locator('#status').textContent()).includes('1000'), 'ana closed with 1000');
    check(errors.length === 0, `no script errors: ${errors.join('; ')}`);
  });
});
