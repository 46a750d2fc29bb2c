const express = require('express');
const http = require('http');
const { Server } = require('socket.io');
const { verifySocketToken } = require('./chat-auth');
const Message = require('./models/message');

const app = express();
const server = http.createServer(app);
// ok: missing-upgrade-auth
const io = new Server(server, {
  cors: { origin: process.env.CLIENT_URL, credentials: true },
});

io.use(async (socket, next) => {
  try {
    const token = socket.handshake.auth?.token;
    if (!token) return next(new Error('Authentication required'));
    socket.user = await verifySocketToken(token);
    next();
  } catch (err) {
    next(new Error('Invalid token'));
  }
});

io.on('connection', (socket) => {
  socket.join(`user:${socket.user.id}`);

  // expect: missing-message-authz -- posts into any room id the client names, membership never checked
  socket.on('message:send', async ({ roomId, text }) => {
    const msg = await Message.create({ roomId, text, author: socket.user.id });
    io.to(roomId).emit('message:new', msg);
  });

  // expect: missing-message-authz
  socket.on('message:delete', async ({ messageId }) => {
    await Message.deleteOne({ _id: messageId });
    io.emit('message:deleted', { messageId });
  });

  // ok: missing-message-authz -- only the author's own message can be edited
  socket.on('message:edit', async ({ messageId, text }) => {
    const msg = await Message.findById(messageId);
    if (!msg || msg.author !== socket.user.id) return;
    await Message.updateOne({ _id: messageId }, { text });
  });
});

server.listen(3000);
