// Lesson 03 client: join the room under a name, chat, watch who comes and goes.
// The wire format is plain text: "ana: hello" for a message, "* ana joined (3 online)" and
// "* ana left (2 online)" for notices. Everything a peer sent is shown with textContent,
// never innerHTML.
'use strict';

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'), online: $('online'), connection: $('connection'), name: $('name'),
  connect: $('connect'), disconnect: $('disconnect'), url: $('url'), log: $('log'),
  composer: $('composer'), message: $('message'), send: $('send'),
};

// The server that served this page, at /ws; ?ws=ws://host:port/path overrides it.
function websocketUrl() {
  const override = new URLSearchParams(location.search).get('ws');
  if (override) return override;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

// The URL with ?name=..., URL-encoded (the server trims it and checks it: 1-32 printable
// characters, no ':' and no leading '*'; otherwise it uses our address).
function urlWithName(name) {
  const url = new URL(websocketUrl());
  if (name) url.searchParams.set('name', name);
  return url.toString();
}

const CLOSE_CODES = {
  1000: 'normal', 1001: 'going away', 1002: 'protocol error', 1003: 'unsupported data',
  1005: 'no status code', 1006: 'abnormal, no close frame', 1007: 'invalid payload data',
  1008: 'policy violation', 1009: 'message too big', 1011: 'internal error',
};
const describeClose = (code) => `${code} ${CLOSE_CODES[code] || (code >= 4000 ? 'application-defined' : 'unknown')}`;

let socket = null;
let myName = null; // as the server calls us: from our own join notice, our first message

function setStatus(state, text) {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
  const open = state === 'open';
  ui.connect.disabled = state === 'open' || state === 'connecting';
  ui.name.disabled = state === 'open' || state === 'connecting';
  ui.disconnect.disabled = !open;
  ui.message.disabled = !open;
  ui.send.disabled = !open;
}

function setOnline(count) {
  ui.online.dataset.count = count === null ? '' : String(count);
  ui.online.textContent = `${count === null ? '–' : count} online`;
}

function timeNow() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

// One line of the chat: [time] [who] text. Built from text nodes only.
function addLine(kind, who, text) {
  const item = document.createElement('li');
  item.className = kind;
  const parts = [['time', timeNow()]];
  if (who !== null) parts.push(['who', who]);
  parts.push(['text', text]);
  for (const [cls, value] of parts) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = value;
    item.appendChild(span);
  }
  ui.log.appendChild(item);
  item.scrollIntoView({ block: 'nearest' });
  while (ui.log.children.length > 500) ui.log.firstChild.remove(); // bounded, like the server
}

// "* ana joined (3 online)" / "* ana left (2 online)" -> the count; anything else -> a chat line.
function onMessage(text) {
  if (text.startsWith('* ')) {
    const count = text.match(/\((\d+) online\)$/);
    if (count) setOnline(Number(count[1]));
    const joined = text.match(/^\* (.*) joined \(\d+ online\)$/);
    if (joined && myName === null) {
      myName = joined[1]; // the first notice after connecting is our own
      setStatus('open', `connected as ${myName}`);
    }
    addLine('notice', null, text.slice(2));
    return;
  }
  const colon = text.indexOf(': ');
  if (colon < 0) {
    addLine('chat', null, text);
    return;
  }
  const who = text.slice(0, colon);
  addLine(who === myName ? 'chat mine' : 'chat', who, text.slice(colon + 2));
}

function connect() {
  const name = ui.name.value.trim();
  try { localStorage.setItem('wscourse-03-name', name); } catch { /* private mode */ }
  let url;
  let ws;
  try {
    url = urlWithName(name);
    ws = new WebSocket(url);
  } catch (error) {
    setStatus('error', 'bad address');
    addLine('event error', null, `cannot connect: ${error.message}`);
    return;
  }
  ui.url.textContent = url;
  socket = ws;
  myName = null;
  setStatus('connecting', 'connecting…');

  ws.addEventListener('open', () => {
    setStatus('open', 'connected');
    ui.message.focus();
  });
  ws.addEventListener('message', (event) => {
    if (typeof event.data === 'string') onMessage(event.data);
  });
  ws.addEventListener('error', () => {
    addLine('event error', null, 'connection error (the browser does not say more; see the server log)');
  });
  ws.addEventListener('close', (event) => {
    if (socket === ws) socket = null;
    const why = event.reason ? ` "${event.reason}"` : '';
    setStatus('closed', `closed: ${describeClose(event.code)}`);
    setOnline(null);
    addLine('event', null, `closed: ${describeClose(event.code)}${why}${event.wasClean ? '' : ' (not clean)'}`);
  });
}

ui.connection.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!socket) connect();
});
ui.disconnect.addEventListener('click', () => {
  if (socket) socket.close(1000, 'bye');
});
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!socket || socket.readyState !== WebSocket.OPEN || ui.message.value === '') return;
  socket.send(ui.message.value); // it comes back, like everyone's, in the room's order
  ui.message.value = '';
  ui.message.focus();
});

try { ui.name.value = localStorage.getItem('wscourse-03-name') || ''; } catch { /* private mode */ }
ui.url.textContent = websocketUrl();
setStatus('closed', 'not connected');
setOnline(null);
