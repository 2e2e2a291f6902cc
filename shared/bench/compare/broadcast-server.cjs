// Lesson 03's broadcast chat written plainly on Node.js and the `ws` package, for compare.sh
// only (ws is NOT a dependency of the course). Every text message goes to every client, the
// sender included, as "NAME: TEXT"; the name comes from /ws?name=ana or else the peer's
// IP:port; join and leave notices; a client that lets more than 1 MiB pile up unsent is
// closed with 1008, so one slow reader cannot make the server buffer without bound.
// Single-threaded, like the lesson's server.
//
//   NODE_PATH=/tmp/ws-compare/node_modules node broadcast-server.cjs [PORT]   (0 = any free port)
'use strict';
const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');

const maxMessageBytes = 64 * 1024;
const maxQueuedBytes = 1024 * 1024;

const server = http.createServer((request, response) => {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found\n');
});
const wss = new WebSocketServer({ server, path: '/ws', maxPayload: maxMessageBytes });

function broadcast(text) {
  const frame = Buffer.from(text);  // encoded once, sent to everyone
  for (const client of wss.clients) {
    if (client.readyState !== WebSocket.OPEN) continue;
    if (client.bufferedAmount > maxQueuedBytes) {
      client.close(1008, 'too slow: messages were piling up');
      continue;
    }
    client.send(frame, { binary: false });
  }
}

wss.on('connection', (ws, request) => {
  const query = new URL(request.url, 'http://localhost').searchParams;
  const name = query.get('name') ||
    `${request.socket.remoteAddress}:${request.socket.remotePort}`;
  broadcast(`* ${name} joined`);
  ws.on('message', (data, isBinary) => {
    if (!isBinary) broadcast(`${name}: ${data}`);
  });
  ws.on('close', () => broadcast(`* ${name} left`));
  ws.on('error', () => {});  // a vanished peer; 'close' follows
});

function shutdown() {
  for (const client of wss.clients) client.close(1001, 'server shutting down');
  server.close();
  setTimeout(() => process.exit(0), 3000).unref();
  wss.close(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`node ws ${require('ws/package.json').version} · broadcast`);
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
