'use strict';
// One replica of the reference deployment's Socket.IO backend, as production runs it: Socket.IO 4 over HTTPS,
// room fan-out shared between replicas through Redis pub/sub (@socket.io/redis-adapter). SocketIoReplica starts it
// and configures it only through IO_* environment variables; a fault is a different configuration, never a patch.
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');

const env = process.env;
const replica = env.IO_REPLICA;
const allowedOrigin = env.IO_ALLOWED_ORIGIN;
const on = (name) => env[name] === 'true';
const broadcastToAll = on('IO_BROADCAST_TO_ALL');
const messageDelayMs = Number(env.IO_MESSAGE_DELAY_MS || 0);
const ENGINE_PATH = '/socket.io/';

// The JVM that started this replica holds its stdin; EOF means the JVM is gone (even by kill -9), and a replica
// must never outlive the deployment it belongs to.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

main().catch((error) => {
  console.error(`${replica} failed to start: ${error.stack || error}`);
  process.exit(1);
});

async function main() {
  const tls = https.createServer({ cert: fs.readFileSync(env.IO_TLS_CERT), key: fs.readFileSync(env.IO_TLS_KEY) });
  const options = {
    path: ENGINE_PATH,
    transports: env.IO_TRANSPORTS.split(','),
    pingInterval: Number(env.IO_PING_INTERVAL_MS),
    pingTimeout: 2000,
    // Applies to polling responses only: browsers do not run CORS on a WebSocket upgrade, allowRequest must.
    cors: { origin: allowedOrigin, credentials: true },
  };
  if (on('IO_CHECK_ORIGIN')) {
    options.allowRequest = (req, callback) => callback(null, req.headers.origin === allowedOrigin);
  }
  const io = new Server(tls, options);
  let adapter = 'in-memory';
  if (on('IO_SHARE_REDIS')) {
    await shareRoomsThroughRedis(io);
    adapter = 'redis';
  }
  io.on('connection', (socket) => serve(io, socket));

  const httpsPort = await listen(tls, Number(env.IO_HTTPS_PORT));
  let httpPort = 0;
  if (on('IO_SERVE_PLAINTEXT')) {
    const plain = http.createServer();
    io.engine.attach(plain, { path: ENGINE_PATH });
    httpPort = await listen(plain, 0);
  }
  // SocketIoReplica waits for this line; printing it last makes it mean "serving, rooms shared".
  console.log(`listening replica=${replica} https=${httpsPort} http=${httpPort} adapter=${adapter}`);
}

function serve(io, socket) {
  socket.emit('hello', { replica });
  socket.on('join', (room, ack) => {
    if (typeof room !== 'string') return;
    socket.join(room);
    socket.emit('joined', { room });
    if (typeof ack === 'function') ack({ room });
  });
  socket.on('leave', (room) => {
    if (typeof room !== 'string') return;
    socket.leave(room);
    socket.emit('left', { room });
  });
  socket.on('message', (message) => {
    if (!message || typeof message.room !== 'string') return;
    const audience = broadcastToAll ? io : io.to(message.room);
    const deliver = () => audience.emit('message', { room: message.room, body: message.body });
    if (messageDelayMs > 0) setTimeout(deliver, messageDelayMs); else deliver();
  });
}

async function shareRoomsThroughRedis(io) {
  let connected = false;
  const pub = createClient({
    url: `rediss://${env.IO_REDIS_HOST}:${env.IO_REDIS_PORT}`,
    password: env.IO_REDIS_PASSWORD,
    socket: {
      tls: true,
      ca: fs.readFileSync(env.IO_REDIS_CA),
      // A replica that cannot reach Redis at start exits at once with the reason, instead of retrying until the
      // start times out; once up, it rides out a Redis restart like production does.
      reconnectStrategy: (retries) => (connected ? Math.min(100 * (retries + 1), 2000) : false),
    },
  });
  const sub = pub.duplicate();
  pub.on('error', (error) => console.error(`${replica} redis publisher: ${error.message}`));
  sub.on('error', (error) => console.error(`${replica} redis subscriber: ${error.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  connected = true;
  io.adapter(createAdapter(pub, sub));
  // The adapter subscribes without waiting for Redis to confirm. Redis answers one connection's commands in order,
  // so once this subscription is confirmed the adapter's are too, and no room message published from now on is lost.
  await sub.subscribe('smokegate:readiness', () => {});
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address().port));
  });
}
