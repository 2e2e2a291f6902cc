// Lesson 02's echo server written plainly on Node.js and the `ws` package, for
// compare.sh only (ws is NOT a dependency of the course: compare.sh installs it in a scratch
// folder and points NODE_PATH at it). Same behaviour as lessons/02-echo: a JSON welcome on
// connect, text echoed as text and binary as binary, {"type":"ping"} answered with a pong,
// 4 MiB message limit. Single-threaded, like lesson02.
//
//   NODE_PATH=/tmp/ws-compare/node_modules node echo-server.cjs [PORT]   (0 = any free port)
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const maxMessageBytes = 4 * 1024 * 1024;
const maxPingBytes = 1024;
const welcome = JSON.stringify({
  type: 'welcome',
  text: 'echo server (lesson 02): every message comes back as it was sent, text as ' +
        'text and binary as binary; send {"type":"ping"} and you get a pong',
  max_message_bytes: maxMessageBytes,
});

// Like lesson02's pong_for: a short text that parses as {"type":"ping"} gets a pong.
function pongFor(data) {
  if (data.length > maxPingBytes) return null;
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (message === null || typeof message !== 'object' || message.type !== 'ping') return null;
  const pong = { type: 'pong', server_time_ms: Date.now() };
  if ('id' in message) pong.id = message.id;
  return JSON.stringify(pong);
}

const server = http.createServer((request, response) => {
  response.writeHead(request.url === '/ws' ? 426 : 404, { 'content-type': 'text/plain' });
  response.end(request.url === '/ws' ? 'connect with a WebSocket client\n' : 'not found\n');
});
const wss = new WebSocketServer({ server, path: '/ws', maxPayload: maxMessageBytes });

wss.on('connection', (ws) => {
  ws.send(welcome);
  ws.on('message', (data, isBinary) => {
    const pong = isBinary ? null : pongFor(data);
    if (pong) ws.send(pong);
    else ws.send(data, { binary: isBinary });
  });
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
  console.log(`node ws ${require('ws/package.json').version} · echo`);
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
