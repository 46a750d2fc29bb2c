'use strict'

const http = require('http')
const express = require('express')
const presence = require('./presence')

const app = express()
const server = http.createServer(app)

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = []

// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = require('socket.io')(server, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) })
io.use((socket, next) => {
  const token = socket.handshake.auth.token
  const user = authenticateSocket(token)
  if (!user) {
    next(new Error('unauthorized'))
    return
  }
  socket.data.user = user
  next()
})

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token) {
  return null
}

io.on('connection', socket => {
  socket.on('room:join', room => {
    socket.join(room)
    presence.enter(room, socket.id)
  })
  socket.on('message', ({ room, text }) => {
    io.to(room).emit('message', { room, text, at: Date.now() })
  })
})

server.listen(process.env.PORT || 8080)
