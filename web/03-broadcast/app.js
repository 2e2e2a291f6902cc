// Lesson 03 client: join the room under a name, chat, watch who comes and goes.
// The wire format is plain text: "ana: hello" for a message, "* ana joined (3 online)" and
// "* ana left (2 online)" for notices. Everything a peer sent is shown with textContent,
// never innerHTML. The shared parts (connection, status line) are in /common/client.js.
'use strict';

const { $ } = wscourse;
const ui = {
  status: $('status'), online: $('online'), connection: $('connection'), name: $('name'),
  connect: $('connect'), disconnect: $('disconnect'), url: $('url'), log: $('log'),
  composer: $('composer'), message: $('message'), send: $('send'),
};

// The URL with ?name=..., URL-encoded (the server trims it and checks it: 1-32 printable
// characters, no ':' and no leading '*'; otherwise it uses our address).
function urlWithName(name) {
  const url = new URL(wscourse.websocketUrl());
  if (name) url.searchParams.set('name', name);
  return url.toString();
}

let myName = null; // as the server calls us: from our own join notice, our first message

function setOnline(count) {
  ui.online.dataset.count = count === null ? '' : String(count);
  ui.online.textContent = `${count === null ? '–' : count} online`;
}

// One line of the chat: [time] [who] text. Built from text nodes only.
function addLine(kind, who, text) {
  const parts = [['time', wscourse.clock()]];
  if (who !== null) parts.push(['who', who]);
  parts.push(['text', text]);
  wscourse.append(ui.log, wscourse.line(kind, parts));
}

const connection = new wscourse.Connection({
  status: ui.status, connect: ui.connect, disconnect: ui.disconnect,
  whileOpen: [ui.message, ui.send], whileClosed: [ui.name],
  notice: (text, kind) => addLine(kind === 'error' ? 'event error' : 'event', null, text),
});

// "* ana joined (3 online)" / "* ana left (2 online)" -> the count; anything else -> a chat line.
function onMessage(text) {
  if (text.startsWith('* ')) {
    const count = text.match(/\((\d+) online\)$/);
    if (count) setOnline(Number(count[1]));
    const joined = text.match(/^\* (.*) joined \(\d+ online\)$/);
    if (joined && myName === null) {
      myName = joined[1]; // the first notice after connecting is our own
      connection.setState('open', `connected as ${myName}`);
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
  try {
    url = urlWithName(name);
  } catch (error) {
    connection.setState('error', 'bad address');
    addLine('event error', null, `cannot connect: ${error.message}`);
    return;
  }
  ui.url.textContent = url;
  myName = null;
  connection.open(url, {
    onOpen: () => ui.message.focus(),
    onMessage: (event) => { if (typeof event.data === 'string') onMessage(event.data); },
    onClose: () => setOnline(null),
  });
}

ui.connection.addEventListener('submit', (event) => {
  event.preventDefault();
  connect();
});
ui.disconnect.addEventListener('click', () => connection.close(1000, 'bye'));
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  if (ui.message.value === '') return;
  // It comes back, like everyone's, in the room's order.
  if (connection.send(ui.message.value)) ui.message.value = '';
  ui.message.focus();
});

try { ui.name.value = localStorage.getItem('wscourse-03-name') || ''; } catch { /* private mode */ }
ui.url.textContent = wscourse.websocketUrl();
setOnline(null);
