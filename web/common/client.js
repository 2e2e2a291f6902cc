// What every lesson's client shares: the WebSocket address (?ws= overrides it), close codes in
// words, timestamps, bounded lists built from text nodes, and one connection with its status
// line and its Connect / Disconnect buttons. Loaded before each lesson's app.js, which keeps
// only what its lesson adds. No libraries; anything a peer sent is shown with textContent.
'use strict';

const wscourse = (() => {
  const $ = (id) => document.getElementById(id);

  // The server that served this page, at `path`; ?ws=ws://host:port/path overrides it.
  function websocketUrl(path = '/ws') {
    const override = new URLSearchParams(location.search).get('ws');
    if (override) return override;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${path}`;
  }

  // RFC 6455 §7.4.1 and the IANA registry.
  const CLOSE_CODES = {
    1000: 'normal', 1001: 'going away', 1002: 'protocol error', 1003: 'unsupported data',
    1005: 'no status code', 1006: 'abnormal, no close frame', 1007: 'invalid payload data',
    1008: 'policy violation', 1009: 'message too big', 1011: 'internal error',
  };
  const describeClose = (code) =>
    `${code} ${CLOSE_CODES[code] || (code >= 4000 ? 'application-defined' : 'unknown')}`;

  // "14:03:07", or "14:03:07.123" with milliseconds.
  function clock(date = new Date(), milliseconds = false) {
    const pad = (n, w = 2) => String(n).padStart(w, '0');
    const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    return milliseconds ? `${time}.${pad(date.getMilliseconds(), 3)}` : time;
  }

  // Appends item to list, drops the oldest beyond max (the page stays bounded, like the
  // server's queues) and keeps the newest in view.
  function append(list, item, max = 500) {
    list.appendChild(item);
    while (list.children.length > max) list.firstElementChild.remove();
    if (!item.hidden) item.scrollIntoView({ block: 'nearest' });
    return item;
  }

  // <li class="kind"><span class="cls">text</span>...</li>, from text nodes only.
  function line(kind, parts) {
    const item = document.createElement('li');
    item.className = kind;
    for (const [cls, text] of parts) {
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = text;
      item.appendChild(span);
    }
    return item;
  }

  // Lessons 04 and 05 speak JSON: each frame as it travelled goes into the `raw` list.
  function addRaw(raw, direction, text) {
    const item = document.createElement('li');
    item.className = direction === '→' ? 'sent' : 'received';
    item.textContent = `${clock()} ${direction} ${text}`;
    append(raw, item);
  }

  // An onMessage for a JSON protocol: shows the frame in `raw`, parses it, hands it to handle.
  function jsonMessages(raw, notice, handle) {
    return (event) => {
      if (typeof event.data !== 'string') return; // these protocols are JSON text only
      addRaw(raw, '←', event.data);
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        notice('the server sent something that is not JSON', 'error');
        return;
      }
      handle(message);
    };
  }

  // What to tell a student whose browser only says 1006: the reason is in the server's log.
  function failedHandshakeHint() {
    const lesson = Number(document.body.dataset.lesson || 0);
    const check = lesson ? ` and run ./course check ${lesson}` : '';
    return 'The connection closed before it opened (1006): the handshake failed or the server '
      + `is not running. The browser does not say why; look at the server's terminal${check}.`;
  }

  // One WebSocket at a time, with the page's status line and buttons:
  //   status            the element that shows the state (data-state = closed|connecting|open|error)
  //   connect, disconnect  buttons; after a close, Connect reads "Reconnect"
  //   whileOpen         controls enabled only while the connection is open
  //   whileClosed       controls enabled only while there is no connection (a name field)
  //   notice(text, kind)   writes a line in the page's log ('event' or 'error')
  //   onState(state)    called after every change (for the page's own controls)
  class Connection {
    constructor({ status, connect, disconnect, whileOpen = [], whileClosed = [], notice, onState }) {
      Object.assign(this, { status, connect, disconnect, whileOpen, whileClosed, notice });
      this.socket = null;
      this.everConnected = false;
      this.setState('closed', 'not connected');
      this.onState = onState;  // after the first setState: the page may still be starting
    }

    get isOpen() { return this.socket !== null && this.socket.readyState === WebSocket.OPEN; }

    setState(state, text) {
      this.state = state;
      this.status.dataset.state = state;
      this.status.textContent = text;
      const busy = state === 'open' || state === 'connecting';
      this.connect.disabled = busy;
      this.connect.textContent = this.everConnected && !busy ? 'Reconnect' : 'Connect';
      this.disconnect.disabled = !busy;
      for (const control of this.whileOpen) control.disabled = state !== 'open';
      for (const control of this.whileClosed) control.disabled = busy;
      if (this.onState) this.onState(state);
    }

    // Opens url; handlers: onOpen(), onMessage(event), onClose(event). Returns false if the
    // address is not a WebSocket URL.
    open(url, { onOpen, onMessage, onClose } = {}) {
      if (this.socket) return false;
      let ws;
      try {
        ws = new WebSocket(url);
      } catch (error) {
        this.setState('error', 'bad address');
        this.notice(`cannot connect to ${url}: ${error.message}`, 'error');
        return false;
      }
      ws.binaryType = 'arraybuffer';
      this.socket = ws;
      this.everConnected = true;
      let opened = false;
      this.setState('connecting', 'connecting…');
      ws.addEventListener('open', () => {
        opened = true;
        this.setState('open', 'connected');
        if (onOpen) onOpen();
      });
      ws.addEventListener('message', (event) => { if (onMessage) onMessage(event); });
      ws.addEventListener('close', (event) => {
        if (this.socket === ws) this.socket = null;
        const why = event.reason ? ` "${event.reason}"` : '';
        if (!opened && event.code === 1006) {
          this.setState('error', 'could not connect (1006): see the server log');
          this.notice(failedHandshakeHint(), 'error');
        } else {
          this.setState('closed', `closed: ${describeClose(event.code)}`);
          this.notice(`closed: ${describeClose(event.code)}${why}${event.wasClean ? '' : ' (not clean)'}`, 'event');
        }
        if (onClose) onClose(event);
      });
      return true;
    }

    close(code = 1000, reason = 'bye') {
      if (this.socket) this.socket.close(code, reason);
    }

    // Sends data if open; true if it was sent.
    send(data) {
      if (!this.isOpen) return false;
      this.socket.send(data);
      return true;
    }
  }

  return { $, websocketUrl, describeClose, clock, append, line, addRaw, jsonMessages, Connection };
})();
