// Lesson 04 client: a chat over the lesson's JSON protocol (docs/protocol.md). Who is online,
// the messages, and (toggle) every frame's raw JSON. Everything a peer sent is shown with
// textContent, never innerHTML.
'use strict';

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'), join: $('join'), name: $('name'), connect: $('connect'),
  disconnect: $('disconnect'), url: $('url'), me: $('me'), online: $('online'),
  onlineCount: $('online-count'), messages: $('messages'), composer: $('composer'),
  message: $('message'), send: $('send'), ping: $('ping'), showRaw: $('show-raw'), raw: $('raw'),
};

// The server that served this page, at /ws; ?ws=ws://host:port/path overrides it.
function websocketUrl() {
  const override = new URLSearchParams(location.search).get('ws');
  if (override) return override;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

const CLOSE_CODES = {
  1000: 'normal', 1001: 'going away', 1002: 'protocol error', 1006: 'abnormal, no close frame',
  1007: 'invalid payload data', 1008: 'policy violation', 1009: 'message too big', 1011: 'internal error',
};
const describeClose = (code) => `${code} ${CLOSE_CODES[code] || 'unknown'}`;

let socket = null;
let me = null;               // the welcome: {connection_id, user, users}
const online = new Set();
let nextPingId = 1;
const pingsInFlight = new Map(); // id -> performance.now()
const MAX_ITEMS = 500;       // the logs are bounded, like the server's queues

function setStatus(state, text) {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
  const open = state === 'open';
  ui.connect.disabled = open || state === 'connecting';
  ui.name.disabled = open || state === 'connecting';
  ui.disconnect.disabled = !(open || state === 'connecting');
  ui.message.disabled = !open;
  ui.send.disabled = !open;
  ui.ping.disabled = !open;
}

function clock(date = new Date()) {
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function append(list, item) {
  list.appendChild(item);
  while (list.children.length > MAX_ITEMS) list.firstChild.remove();
  item.scrollIntoView({ block: 'nearest' });
}

// One line of the message log, built from text nodes only.
function addLine(kind, parts) {
  const item = document.createElement('li');
  item.className = kind;
  for (const [cls, text] of parts) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    item.appendChild(span);
  }
  append(ui.messages, item);
  return item;
}
const notice = (text, kind = 'notice') => addLine(kind, [['time', clock()], ['text', text]]);

function addRaw(direction, text) {
  const item = document.createElement('li');
  item.className = direction === '→' ? 'sent' : 'received';
  item.textContent = `${clock()} ${direction} ${text}`;
  append(ui.raw, item);
}

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
  const url = new URL(websocketUrl());
  const name = ui.name.value.trim();
  if (name) url.searchParams.set('user', name);
  ui.url.textContent = url.href;
  let ws;
  try {
    ws = new WebSocket(url.href);
  } catch (error) {
    setStatus('error', 'bad address');
    notice(`cannot connect to ${url.href}: ${error.message}`, 'error');
    return;
  }
  socket = ws;
  setStatus('connecting', 'connecting…');

  ws.addEventListener('open', () => {
    setStatus('open', 'connected');
    ui.message.focus();
  });
  ws.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return; // this protocol is JSON text only
    addRaw('←', event.data);
    let message;
    try { message = JSON.parse(event.data); } catch { notice('the server sent something that is not JSON', 'error'); return; }
    handle(message);
  });
  ws.addEventListener('close', (event) => {
    if (socket === ws) socket = null;
    const why = event.reason ? ` "${event.reason}"` : '';
    setStatus('closed', `closed: ${describeClose(event.code)}`);
    notice(`closed: ${describeClose(event.code)}${why}`);
    me = null;
    online.clear();
    renderOnline();
    ui.me.textContent = '';
    pingsInFlight.clear();
  });
}

function sendJson(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  const text = JSON.stringify(message);
  socket.send(text);
  addRaw('→', text);
}

ui.join.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!socket) connect();
});
ui.disconnect.addEventListener('click', () => {
  if (socket) socket.close(1000, 'bye');
});
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
ui.url.textContent = websocketUrl();
setStatus('closed', 'not connected');
