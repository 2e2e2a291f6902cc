// Lesson 02 client: connect to the echo server, send text or binary, watch the frames.
// Everything a peer sent is shown with textContent, never innerHTML; the shared parts
// (connection, status line, close codes) are in /common/client.js.
'use strict';

const { $ } = wscourse;
const ui = {
  status: $('status'), url: $('url'), connect: $('connect'), disconnect: $('disconnect'),
  composer: $('composer'), message: $('message'), binary: $('binary'), send: $('send'),
  ping: $('ping'), log: $('log'), clear: $('clear'),
};

let nextPingId = 1;
const pingsInFlight = new Map(); // id -> performance.now() when sent

// One line of the log: time, direction, what kind of frame, its content.
function addLog(direction, kind, text, extraClass) {
  const item = wscourse.line({ '→': 'sent', '←': 'received' }[direction] || 'event',
    [['time', wscourse.clock(new Date(), true)], ['dir', direction], ['data', '']]);
  if (extraClass) item.classList.add(extraClass);
  const data = item.lastChild;
  if (kind) {
    const tag = document.createElement('span');
    tag.className = 'kind';
    tag.textContent = `${kind} `;
    data.appendChild(tag);
  }
  data.appendChild(document.createTextNode(text));
  wscourse.append(ui.log, item);
}

const connection = new wscourse.Connection({
  status: ui.status, connect: ui.connect, disconnect: ui.disconnect,
  whileOpen: [ui.message, ui.send, ui.ping],
  notice: (text, kind) => addLog('•', '', text, kind === 'error' ? 'error' : undefined),
});

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
  const url = wscourse.websocketUrl();
  ui.url.textContent = url;
  addLog('•', '', `connecting to ${url}`);
  connection.open(url, {
    onOpen: () => {
      addLog('•', '', 'connected: the handshake is done (101 Switching Protocols)');
      ui.message.focus();
    },
    onMessage: (event) => {
      if (typeof event.data === 'string') {
        addLog('←', `text ${new TextEncoder().encode(event.data).length} B`, describeText(event.data));
      } else {
        const bytes = new Uint8Array(event.data);
        addLog('←', `binary ${bytes.length} B`, hexPreview(bytes));
      }
    },
    onClose: () => pingsInFlight.clear(),
  });
}

function send(text) {
  if (ui.binary.checked) {
    const bytes = new TextEncoder().encode(text); // the text's UTF-8 bytes, as a binary frame
    if (connection.send(bytes.buffer)) addLog('→', `binary ${bytes.length} B`, hexPreview(bytes));
  } else if (connection.send(text)) {
    addLog('→', `text ${new TextEncoder().encode(text).length} B`, text);
  }
}

ui.connect.addEventListener('click', connect);
ui.disconnect.addEventListener('click', () => {
  addLog('•', '', 'closing with 1000 normal');
  connection.close(1000, 'bye');
});
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  send(ui.message.value);
  ui.message.value = '';
  ui.message.focus();
});
ui.ping.addEventListener('click', () => {
  const id = nextPingId++;
  const text = JSON.stringify({ type: 'ping', id });
  pingsInFlight.set(id, performance.now());
  // Always a text frame: the server answers pings in text messages only.
  if (connection.send(text)) addLog('→', `text ${text.length} B`, text);
});
ui.clear.addEventListener('click', () => ui.log.replaceChildren());

ui.url.textContent = wscourse.websocketUrl();
