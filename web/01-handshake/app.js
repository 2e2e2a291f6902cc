// Lesson 01's client: one WebSocket to the hand-written server, and a log of what goes each
// way; the server answers every message with the frames it decoded. The shared parts
// (connection, status line, close codes) are in /common/client.js.
'use strict';

const { $ } = wscourse;
const ui = {
  status: $('status'), connection: $('connection'), url: $('url'), connect: $('connect'),
  disconnect: $('disconnect'), composer: $('composer'), message: $('message'), send: $('send'),
  sendBinary: $('send-binary'), sizes: [...document.querySelectorAll('button[data-size]')],
  log: $('log'), clear: $('clear'),
};

// kind: 'sent', 'received', 'event' or 'error'. The server's descriptions are many lines.
function addEntry(kind, text) {
  const arrow = { sent: '→ sent', received: '← received' }[kind] || '•';
  wscourse.append(ui.log, wscourse.line(kind, [['time', `${wscourse.clock(new Date(), true)}  ${arrow}`],
    ['text', text]]), 200);
}

const connection = new wscourse.Connection({
  status: ui.status, connect: ui.connect, disconnect: ui.disconnect,
  whileOpen: [ui.message, ui.send, ui.sendBinary, ...ui.sizes], whileClosed: [ui.url],
  notice: (text, kind) => addEntry(kind, text),
});

function connect() {
  const url = ui.url.value.trim();
  addEntry('event', `opening ${url}: the browser sends an HTTP upgrade request`);
  connection.open(url, {
    onOpen: () => {
      addEntry('event', '101 Switching Protocols: the connection now speaks WebSocket frames');
      ui.message.focus();
    },
    onMessage: (event) => addEntry('received', typeof event.data === 'string'
      ? event.data : `(binary, ${event.data.byteLength} bytes)`),
  });
}

function send(data, description) {
  if (connection.send(data)) addEntry('sent', description);
}

ui.connection.addEventListener('submit', (event) => {
  event.preventDefault();
  connect();
});
ui.disconnect.addEventListener('click', () => {
  addEntry('sent', 'close 1000');
  connection.close(1000, 'bye');
});
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.message.value;
  send(text, text === '' ? '(empty text message)' : text);
});
ui.message.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter makes a new line.
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});
ui.sendBinary.addEventListener('click', () => {
  const bytes = new TextEncoder().encode(ui.message.value);
  send(bytes, `(binary, ${bytes.length} bytes)`);
});
for (const button of ui.sizes) {
  const size = Number(button.dataset.size);
  button.addEventListener('click', () => send('x'.repeat(size), `(text, ${size} × "x")`));
}
ui.clear.addEventListener('click', () => ui.log.replaceChildren());

ui.url.value = wscourse.websocketUrl('/');
