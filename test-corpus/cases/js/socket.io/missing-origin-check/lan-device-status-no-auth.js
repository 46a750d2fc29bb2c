// A home-automation hub serving its own UI on the LAN.
const http = require('http');
const { Server } = require('socket.io');
const devices = require('./devices');

const server = http.createServer();
// expect: missing-origin-check -- any page a LAN user visits can connect and toggle devices
// expect: missing-upgrade-auth
const io = new Server(server, { cors: { origin: '*' } });

io.on('connection', (socket) => {
  socket.emit('devices', devices.list());
  // expect: missing-message-authz
  socket.on('device:set', ({ deviceId, on }) => {
    devices.setPower(deviceId, on);
  });
});

server.listen(8123, '0.0.0.0');
