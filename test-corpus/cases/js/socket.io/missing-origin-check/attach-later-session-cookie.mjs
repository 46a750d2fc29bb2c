import http from "node:http"
import express from "express"
import session from "express-session"
import { Server } from "socket.io"

const app = express()
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false })
app.use(sessionMiddleware)

// expect: missing-origin-check -- the session cookie is sent by the browser from any page
// ok: missing-upgrade-auth -- the middleware refuses sessions without a user
export const io = new Server()

io.engine.use(sessionMiddleware)
io.use((socket, next) => {
	const { user } = socket.request.session
	if (!user) {
		return next(new Error("login required"))
	}
	socket.data.user = user
	next()
})

io.on("connection", (socket) => {
	socket.join(`user:${socket.data.user.id}`)
})

export function start(port) {
	const server = http.createServer(app)
	io.attach(server)
	server.listen(port)
}
