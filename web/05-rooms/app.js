// Lesson 05 client: rooms and private messages over the lesson's JSON protocol
// (docs/protocol.md). Room list from GET /api/rooms, the rooms you are in, the current room's
// messages, private messages, announcements. Everything a peer sent is shown with
// textContent, never innerHTML. The shared parts (connection, status line) are in
// /common/client.js.
'use strict';

const { $ } = wscourse;
const ui = {
  status: $('status'), join: $('join'), name: $('name'), connect: $('connect'),
  disconnect: $('disconnect'), url: $('url'), me: $('me'), announcement: $('announcement'),
  rooms: $('rooms'), refreshRooms: $('refresh-rooms'), roomForm: $('room-form'),
  roomName: $('room-name'), joinRoom: $('join-room'), myRooms: $('my-rooms'),
  online: $('online'), onlineCount: $('online-count'), onlineUsers: $('online-users'),
  currentRoom: $('current-room'), leaveRoom: $('leave-room'), messages: $('messages'),
  composer: $('composer'), message: $('message'), send: $('send'),
  privateForm: $('private-form'), pmTo: $('pm-to'), pmText: $('pm-text'), pmSend: $('pm-send'),
  showRaw: $('show-raw'), raw: $('raw'),
};

// The REST API lives on the same host and port as the WebSocket.
function apiUrl(path) {
  const ws = new URL(wscourse.websocketUrl());
  return `${ws.protocol === 'wss:' ? 'https:' : 'http:'}//${ws.host}${path}`;
}

let me = null;                 // the welcome: {connection_id, user, users}
const online = new Set();
const myRooms = new Set();     // rooms this connection is in
let currentRoom = null;        // where the composer sends
let roomTimer = null;

const clock = wscourse.clock;
const when = (timestamp) => { const date = new Date(timestamp); return isNaN(date) ? new Date() : date; };

// One line of the message log, built from text nodes only. room: shown only while it is the
// current room (null: shown always: notices, private messages, announcements).
function addLine(kind, parts, room = null) {
  const item = wscourse.line(kind, parts);
  if (room !== null) {
    item.dataset.room = room;
    item.hidden = room !== currentRoom;
  }
  return wscourse.append(ui.messages, item);
}
const notice = (text, kind = 'notice', room = null) => addLine(kind, [['time', clock()], ['text', text]], room);

const connection = new wscourse.Connection({
  status: ui.status, connect: ui.connect, disconnect: ui.disconnect,
  whileOpen: [ui.roomName, ui.joinRoom, ui.pmTo, ui.pmText, ui.pmSend], whileClosed: [ui.name],
  notice: (text, kind) => notice(text, kind === 'error' ? 'error' : 'notice'),
  onState: () => renderCurrentRoom(),
});

function renderOnline() {
  const items = [...online].sort().map((user) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = user;
    button.title = `write to ${user} privately`;
    button.addEventListener('click', () => { ui.pmTo.value = user; ui.pmText.focus(); });
    item.dataset.user = user;
    if (me && user === me.user) item.classList.add('me');
    item.appendChild(button);
    return item;
  });
  ui.online.replaceChildren(...items);
  ui.onlineCount.textContent = String(online.size);
  ui.onlineUsers.replaceChildren(...[...online].sort().map((user) => {
    const option = document.createElement('option');
    option.value = user;
    return option;
  }));
}

function renderMyRooms() {
  const items = [...myRooms].sort().map((room) => {
    const item = document.createElement('li');
    item.dataset.room = room;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = room;
    button.addEventListener('click', () => selectRoom(room));
    if (room === currentRoom) item.classList.add('current');
    item.appendChild(button);
    return item;
  });
  ui.myRooms.replaceChildren(...items);
}

function renderCurrentRoom() {
  const open = connection.isOpen;
  ui.currentRoom.textContent = currentRoom || 'none';
  ui.leaveRoom.disabled = !open || !currentRoom;
  ui.message.disabled = !open || !currentRoom;
  ui.send.disabled = !open || !currentRoom;
  ui.message.placeholder = currentRoom ? `message to ${currentRoom}` : 'join a room to talk';
}

function selectRoom(room) {
  currentRoom = room;
  for (const item of ui.messages.querySelectorAll('li[data-room]')) item.hidden = item.dataset.room !== room;
  renderMyRooms();
  renderCurrentRoom();
  const last = ui.messages.lastElementChild;
  if (last) last.scrollIntoView({ block: 'nearest' });
}

// GET /api/rooms: every room on the server and how many are in it.
async function refreshRooms() {
  let rooms;
  try {
    const response = await fetch(apiUrl('/api/rooms'), { cache: 'no-store' });
    if (!response.ok) return;
    rooms = await response.json();
  } catch { return; }  // the server is gone: the WebSocket's close says so
  const items = rooms.map((room) => {
    const item = document.createElement('li');
    item.dataset.room = room.name;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = room.name;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = `${room.members} ${room.members === 1 ? 'user' : 'users'}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = myRooms.has(room.name) ? 'in' : 'join';
    button.disabled = !connection.socket || myRooms.has(room.name);
    button.addEventListener('click', () => sendJson({ type: 'join_room', room: room.name }));
    item.append(name, count, button);
    return item;
  });
  ui.rooms.replaceChildren(...items);
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
      refreshRooms();
      break;
    case 'presence':  // lesson 04's coalesced presence: who came and went since the last one
      for (const user of message.joined || []) {
        if (!online.has(user)) notice(`${user} is online`);
        online.add(user);
      }
      for (const user of message.left || []) {
        online.delete(user);
        notice(`${user} went offline`);
      }
      renderOnline();
      break;
    case 'user_joined':
      online.add(message.user);
      renderOnline();
      notice(`${message.user} is online`);
      break;
    case 'user_left':
      online.delete(message.user);
      renderOnline();
      notice(`${message.user} went offline`);
      break;
    case 'connections':
      if (me) {
        ui.me.textContent = message.count > 1
          ? `you are ${me.user}, connected from ${message.count} tabs`
          : `you are ${me.user}`;
      }
      break;
    case 'room_joined':
      myRooms.add(message.room);
      notice(`you joined ${message.room}: ${(message.members || []).join(', ')}`, 'notice', message.room);
      selectRoom(message.room);
      refreshRooms();
      break;
    case 'room_left':
      myRooms.delete(message.room);
      notice(`you left ${message.room}`);
      selectRoom(currentRoom === message.room ? ([...myRooms].sort()[0] || null) : currentRoom);
      refreshRooms();
      break;
    case 'user_joined_room':
      notice(`${message.user} joined ${message.room}`, 'notice', message.room);
      refreshRooms();
      break;
    case 'user_left_room':
      notice(`${message.user} left ${message.room}`, 'notice', message.room);
      refreshRooms();
      break;
    case 'message': {
      const item = addLine('message', [['time', clock(when(message.timestamp))],
        ['from', message.from], ['text', message.text]], message.room);
      if (me && message.from === me.user) item.classList.add('mine');
      break;
    }
    case 'private_message':
      addLine('private', [['time', clock(when(message.timestamp))],
        ['from', `${message.from} → you (private)`], ['text', message.text]]);
      break;
    case 'private_sent':
      addLine('private mine', [['time', clock(when(message.timestamp))],
        ['from', `you → ${message.to} (private, ${message.delivered} ${message.delivered === 1 ? 'tab' : 'tabs'})`],
        ['text', message.text]]);
      break;
    case 'announcement':
      addLine('announcement', [['time', clock(when(message.timestamp))], ['from', 'announcement'],
        ['text', message.text]]);
      ui.announcement.textContent = `📣 ${message.text}`;
      ui.announcement.hidden = false;
      break;
    case 'pong':
      break;
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
    onOpen: () => {
      ui.roomName.focus();
      roomTimer = setInterval(refreshRooms, 5000);  // other people's rooms come and go
    },
    onMessage: wscourse.jsonMessages(ui.raw, notice, handle),
    onClose: () => {
      clearInterval(roomTimer);
      me = null;
      online.clear();
      myRooms.clear();
      renderOnline();
      selectRoom(null);
      ui.me.textContent = '';
      refreshRooms();
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
ui.roomForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const room = ui.roomName.value.trim();
  if (room) sendJson({ type: 'join_room', room });  // the server checks the name and says why not
});
ui.refreshRooms.addEventListener('click', refreshRooms);
ui.leaveRoom.addEventListener('click', () => {
  if (currentRoom) sendJson({ type: 'leave_room', room: currentRoom });
});
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.message.value;
  if (!text.trim() || !currentRoom) return;
  sendJson({ type: 'message', room: currentRoom, text });
  ui.message.value = '';
  ui.message.focus();
});
ui.privateForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const to = ui.pmTo.value.trim();
  const text = ui.pmText.value;
  if (!to || !text.trim()) return;
  sendJson({ type: 'private_message', to, text });
  ui.pmText.value = '';
  ui.pmText.focus();
});
ui.showRaw.addEventListener('change', () => { ui.raw.hidden = !ui.showRaw.checked; });

ui.name.value = new URLSearchParams(location.search).get('user') || '';
ui.url.textContent = wscourse.websocketUrl();
renderCurrentRoom();
refreshRooms();
