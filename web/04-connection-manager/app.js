// Lesson 04 client: a chat over the lesson's JSON protocol (docs/protocol.md). Who is online,
// the messages, and (toggle) every frame's raw JSON. Everything a peer sent is shown with
// textContent, never innerHTML. The shared parts (connection, status line) are in
// /common/client.js.
'use strict';

const { $ } = wscourse;
const ui = {
  status: $('status'), join: $('join'), name: $('name'), connect: $('connect'),
  disconnect: $('disconnect'), url: $('url'), me: $('me'), online: $('online'),
  onlineCount: $('online-count'), messages: $('messages'), composer: $('composer'),
  message: $('message'), send: $('send'), ping: $('ping'), showRaw: $('show-raw'), raw: $('raw'),
};

let me = null;               // the welcome: {connection_id, user, users}
const online = new Set();
let nextPingId = 1;
const pingsInFlight = new Map(); // id -> performance.now()
const clock = wscourse.clock;

// One line of the message log, built from text nodes only.
const addLine = (kind, parts) => wscourse.append(ui.messages, wscourse.line(kind, parts));
const notice = (text, kind = 'notice') => addLine(kind, [['time', clock()], ['text', text]]);

const connection = new wscourse.Connection({
  status: ui.status, connect: ui.connect, disconnect: ui.disconnect,
  whileOpen: [ui.message, ui.send, ui.ping], whileClosed: [ui.name],
  notice: (text, kind) => notice(text, kind === 'error' ? 'error' : 'notice'),
});

function renderOnline() {
  const items = [...online].sort().map((user) => {
    const item = document.createElement('li');
    item.textContent = user;
    item.dataset.user = user;
    if (me && user === me.user) item.classList.add('me');
    return item;
  });
  ui.online.replaceChildren(...items);
  ui.onlineCount.textContent = String(online.size);
}

function handle(message) {
  switch (message.type) {
    case 'welcome':
      me = message;
      online.clear();
      // users: who was online at the server's last presence message; we are online too.
      for (const user of message.users || []) online.add(user);
      online.add(message.user);
      renderOnline();
      ui.me.textContent = `you are ${message.user}`;
      notice(`welcome, ${message.user}: ${online.size} online`);
      break;
    case 'presence':  // who came and went since the last one, at most one every 200 ms (longer in a crowd)
      for (const user of message.joined || []) {
        if (!online.has(user)) notice(`${user} joined`);
        online.add(user);
      }
      for (const user of message.left || []) {
        online.delete(user);
        notice(`${user} left`);
      }
      renderOnline();
      break;
    case 'connections':
      if (me) {
        ui.me.textContent = message.count > 1
          ? `you are ${me.user}, connected from ${message.count} tabs`
          : `you are ${me.user}`;
      }
      break;
    case 'message': {
      const when = new Date(message.timestamp);
      const item = addLine('message', [['time', clock(isNaN(when) ? new Date() : when)],
        ['from', message.from], ['text', message.text]]);
      if (me && message.from === me.user) item.classList.add('mine');
      break;
    }
    case 'pong': {
      const sent = pingsInFlight.get(message.id);
      pingsInFlight.delete(message.id);
      notice(sent === undefined ? 'pong' : `pong: round trip ${(performance.now() - sent).toFixed(1)} ms`);
      break;
    }
    case 'error':
      notice(`error ${message.code}: ${message.text}`, 'error');
      break;
    default:
      notice(`unknown message type ${message.type}`, 'error');
  }
}

function connect() {
  const url = new URL(wscourse.websocketUrl());
  const name = ui.name.value.trim();
  if (name) url.searchParams.set('user', name);
  ui.url.textContent = url.href;
  connection.open(url.href, {
    onOpen: () => ui.message.focus(),
    onMessage: wscourse.jsonMessages(ui.raw, notice, handle),
    onClose: () => {
      me = null;
      online.clear();
      renderOnline();
      ui.me.textContent = '';
      pingsInFlight.clear();
    },
  });
}

function sendJson(message) {
  const text = JSON.stringify(message);
  if (connection.send(text)) wscourse.addRaw(ui.raw, '→', text);
}

ui.join.addEventListener('submit', (event) => {
  event.preventDefault();
  connect();
});
ui.disconnect.addEventListener('click', () => connection.close(1000, 'bye'));
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.message.value;
  if (!text.trim()) return;
  sendJson({ type: 'message', text });
  ui.message.value = '';
  ui.message.focus();
});
ui.ping.addEventListener('click', () => {
  const id = nextPingId++;
  pingsInFlight.set(id, performance.now());
  sendJson({ type: 'ping', id });
});
ui.showRaw.addEventListener('change', () => { ui.raw.hidden = !ui.showRaw.checked; });

ui.name.value = new URLSearchParams(location.search).get('user') || '';
ui.url.textContent = wscourse.websocketUrl();
