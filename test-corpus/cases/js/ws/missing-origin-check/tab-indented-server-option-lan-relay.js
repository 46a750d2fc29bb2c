// Sensor relay on the plant LAN
const WebSocket = require('ws');
const http = require('http');

const server = http.createServer((req, res) => {
	res.writeHead(200, { 'Content-Type': 'text/plain' });
	res.end('ok');
});
// expect: missing-upgrade-auth -- nobody is authenticated
// expect: missing-origin-check -- no auth, any Origin: any page a LAN user opens can connect
const wss = new WebSocket.Server({ server: server });

wss.on('connection', function (ws) {
	ws.on('message', function (raw) {
		ws.send(raw);
	});
});

server.listen(8080);
