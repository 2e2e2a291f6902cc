// Lesson 01's client: one WebSocket, a log of what goes each way. No libraries, no network
// access beyond the lesson server. Everything the server sends is shown with textContent.
'use strict';

const $ = (id) => document.getElementById(id);
const urlInput = $('url');
const statusLine = $('status');
const connectButton = $('connect');
const disconnectButton = $('disconnect');
const messageInput = $('message');
const sendButton = $('send');
const sendBinaryButton = $('send-binary');
const sizeButtons = document.querySelectorAll('button[data-size]');
const log = $('log');
const MAX_LOG_ENTRIES = 200;

// The server that served this page, unless ?ws=ws://host:port/path says otherwise.
const params = new URLSearchParams(location.search);
urlInput.value = params.get('ws')
  || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`;

let socket = null;

function timeNow() {
  const d = new Date();
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

// kind: 'out' (we sent), 'in' (server sent) or 'info'.
function addEntry(kind, text) {
  const item = document.createElement('li');
  item.className = `entry ${kind}`;
  const meta = document.createElement('div');
  meta.className = 'meta';
  const arrow = kind === 'out' ? '→ sent' : kind === 'in' ? '← received' : '·';
  meta.textContent = `${timeNow()}  ${arrow}`;
  const body = document.createElement('pre');
  body.className = 'text';
  body.textContent = text;
  item.append(meta, body);
  log.append(item);
  while (log.children.length > MAX_LOG_ENTRIES) log.firstElementChild.remove();
  item.scrollIntoView({ block: 'nearest' });
}

function setStatus(state, text) {
  statusLine.className = `status ${state}`;
  statusLine.textContent = text;
  const open = state === 'connected';
  connectButton.disabled = state === 'connected' || state === 'connecting';
  disconnectButton.disabled = !(state === 'connected' || state === 'connecting');
  urlInput.disabled = connectButton.disabled;
  for (const control of [messageInput, sendButton, sendBinaryButton, ...sizeButtons]) {
    control.disabled = !open;
  }
}

function connect() {
  let ws;
  try {
    ws = new WebSocket(urlInput.value.trim());
  } catch (error) {
    setStatus('disconnected', `cannot connect: ${error.message}`);
    return;
  }
  socket = ws;
  ws.binaryType = 'arraybuffer';
  setStatus('connecting', `connecting to ${ws.url} …`);
  addEntry('info', `opening ${ws.url}: the browser sends an HTTP upgrade request`);

  ws.addEventListener('open', () => {
    if (socket !== ws) return;
    setStatus('connected', `connected to ${ws.url}`);
    addEntry('info', '101 Switching Protocols: the connection now speaks WebSocket frames');
    messageInput.focus();
  });
  ws.addEventListener('message', (event) => {
    if (socket !== ws) return;
    const text = typeof event.data === 'string'
      ? event.data
      : `(binary, ${event.data.byteLength} bytes)`;
    addEntry('in', text);
  });
  ws.addEventListener('close', (event) => {
    if (socket !== ws) return;
    socket = null;
    const reason = event.reason ? ` "${event.reason}"` : '';
    const how = event.wasClean ? '' : ' (no close handshake)';
    setStatus('disconnected', `closed: ${event.code}${reason}${how}`);
    addEntry('info', `closed with code ${event.code}${reason}${how}`);
  });
  ws.addEventListener('error', () => {
    if (socket !== ws) return;
    addEntry('info', 'WebSocket error (the close event below says more)');
  });
}

function disconnect() {
  if (socket) {
    addEntry('out', 'close 1000');
    socket.close(1000, 'bye');
    setStatus('connecting', 'closing …');
  }
}

function send(data, description) {
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  socket.send(data);
  addEntry('out', description);
}

function sendText() {
  const text = messageInput.value;
  send(text, text === '' ? '(empty text message)' : text);
}

function sendBinary() {
  const bytes = new TextEncoder().encode(messageInput.value);
  send(bytes, `(binary, ${bytes.length} bytes)`);
}

function sendSize(size) {
  send('x'.repeat(size), `(text, ${size} × "x")`);
}

connectButton.addEventListener('click', connect);
disconnectButton.addEventListener('click', disconnect);
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  sendText();
});
messageInput.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter makes a new line.
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    sendText();
  }
});
sendBinaryButton.addEventListener('click', sendBinary);
for (const button of sizeButtons) {
  button.addEventListener('click', () => sendSize(Number(button.dataset.size)));
}
$('clear').addEventListener('click', () => log.replaceChildren());

setStatus('disconnected', 'disconnected');
