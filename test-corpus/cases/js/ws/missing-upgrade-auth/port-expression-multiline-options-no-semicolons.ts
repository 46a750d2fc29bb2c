// Multiplayer lobby for the browser game.
import { WebSocketServer, WebSocket } from "ws"

type Lobby = { id: string; players: string[] }
const lobbies = new Map<string, Lobby>()

// expect: missing-origin-check
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  port: Number(process.env.WS_PORT ?? 9001),
  maxPayload: 64 * 1024,
})

wss.on("connection", (ws: WebSocket) => {
  ws.on("message", (data) => {
    const msg = JSON.parse(data.toString())
    if (msg.type === "join") {
      const lobby = lobbies.get(msg.lobbyId)
      lobby?.players.push(msg.name)
      ws.send(JSON.stringify({ type: "joined", lobby }))
    }
  })
})
