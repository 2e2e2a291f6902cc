// Lesson 02 client: connect to the echo server, send text or binary, watch the frames.
// Everything a peer sent is shown with textContent, never innerHTML.
'use strict';

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'), url: $('url'), connect: $('connect'), disconnect: $('disconnect'),
  composer: $('composer'), message: $('message'), binary: $('binary'), send: $('send'),
  ping: $('ping'), log: $('log'), clear: $('clear'),
};

// The server that served this page, at /ws; ?ws=ws://host:port/path overrides it.
function websocketUrl() {
  const override = new URLSearchParams(location.search).get('ws');
  if (override) return override;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

const CLOSE_CODES = {
  1000: 'normal', 1001: 'going away', 1002: 'protocol error', 1003: 'unsupported data',
  1005: 'no status code', 1006: 'abnormal, no close frame', 1007: 'invalid payload data',
  1008: 'policy violation', 1009: 'message too big', 1011: 'internal error',
};
const describeClose = (code) => `${code} ${CLOSE_CODES[code] || (code >= 4000 ? 'application-defined' : 'unknown')}`;

let socket = null;
let nextPingId = 1;
const pingsInFlight = new Map(); // id -> performance.now() when sent

function setStatus(state, text) {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
  const open = state === 'open';
  ui.connect.disabled = state === 'open' || state === 'connecting';
  ui.disconnect.disabled = !open;
  ui.message.disabled = !open;
  ui.send.disabled = !open;
  ui.ping.disabled = !open;
}

function timeNow() {
  const d = new Date();
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

// One line of the log: time, direction, what kind of frame, its content.
function addLog(direction, kind, text, extraClass) {
  const item = document.createElement('li');
  item.className = { '→': 'sent', '←': 'received', '•': 'event' }[direction] || 'event';
  if (extraClass) item.classList.add(extraClass);
  for (const [cls, value] of [['time', timeNow()], ['dir', direction], ['data', '']]) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = value;
    item.appendChild(span);
  }
  const data = item.lastChild;
  if (kind) {
    const tag = document.createElement('span');
    tag.className = 'kind';
    tag.textContent = `${kind} `;
    data.appendChild(tag);
  }
  data.appendChild(document.createTextNode(text));
  ui.log.appendChild(item);
  item.scrollIntoView({ block: 'nearest' });
  while (ui.log.children.length > 500) ui.log.firstChild.remove(); // bounded, like the server
}

function hexPreview(bytes) {
  const shown = Array.from(bytes.slice(0, 32), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > 32 ? `${shown} …` : shown;
}

function describeText(text) {
  let parsed = null;
  try { parsed = JSON.parse(text); } catch { /* not JSON: shown as it is */ }
  if (parsed && parsed.type === 'pong' && pingsInFlight.has(parsed.id)) {
    const rtt = performance.now() - pingsInFlight.get(parsed.id);
    pingsInFlight.delete(parsed.id);
    return `${text}  (round trip ${rtt.toFixed(1)} ms)`;
  }
  return text;
}

function connect() {
  const url = websocketUrl();
  ui.url.textContent = url;
  let ws;
  try {
    ws = new WebSocket(url);
  } catch (error) {
    setStatus('error', 'bad address');
    addLog('•', '', `cannot connect to ${url}: ${error.message}`, 'error');
    return;
  }
  ws.binaryType = 'arraybuffer';
  socket = ws;
  setStatus('connecting', 'connecting…');
  addLog('•', '', `connecting to ${url}`);

  ws.addEventListener('open', () => {
    setStatus('open', 'connected');
    addLog('•', '', 'connected: the handshake is done (101 Switching Protocols)');
    ui.message.focus();
  });
  ws.addEventListener('message', (event) => {
    if (typeof event.data === 'string') {
      addLog('←', `text ${new TextEncoder().encode(event.data).length} B`, describeText(event.data));
    } else {
      const bytes = new Uint8Array(event.data);
      addLog('←', `binary ${bytes.length} B`, hexPreview(bytes));
    }
  });
  ws.addEventListener('error', () => {
    addLog('•', '', 'connection error (the browser does not say more; see the server log)', 'error');
  });
  ws.addEventListener('close', (event) => {
    if (socket === ws) socket = null;
    const why = event.reason ? ` "${event.reason}"` : '';
    setStatus('closed', `closed: ${describeClose(event.code)}`);
    addLog('•', '', `closed: ${describeClose(event.code)}${why}${event.wasClean ? '' : ' (not clean)'}`);
    pingsInFlight.clear();
  });
}

function send(text) {
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  if (ui.binary.checked) {
    const bytes = new TextEncoder().encode(text); // the text's UTF-8 bytes, as a binary frame
    socket.send(bytes.buffer);
    addLog('→', `binary ${bytes.length} B`, hexPreview(bytes));
  } else {
    socket.send(text);
    addLog('→', `text ${new TextEncoder().encode(text).length} B`, text);
  }
}

ui.connect.addEventListener('click', connect);
ui.disconnect.addEventListener('click', () => {
  if (socket) {
    addLog('•', '', 'closing with 1000 normal');
    socket.close(1000, 'bye');
  }
});
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  send(ui.message.value);
  ui.message.value = '';
  ui.message.focus();
});
ui.ping.addEventListener('click', () => {
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  const id = nextPingId++;
  const text = JSON.stringify({ type: 'ping', id });
  pingsInFlight.set(id, performance.now());
  socket.send(text); // always a text frame: the server answers pings in text messages only
  addLog('→', `text ${text.length} B`, text);
});
ui.clear.addEventListener('click', () => ui.log.replaceChildren());

ui.url.textContent = websocketUrl();
setStatus('closed', 'not connected');
