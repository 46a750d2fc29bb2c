// corpus: no-findings
const registerQuiz = require('./quiz');

module.exports = function attachSockets(io, sessionMiddleware) {
  io.engine.use(sessionMiddleware);

  io.use((socket, next) => {
    const { user } = socket.request.session;
    if (!user) {
      return next(new Error('login required'));
    }
    socket.data.user = user;
    next();
  });

  io.on('connection', (socket) => {
    const { user } = socket.data;
    socket.join(`student:${user.id}`);
    registerQuiz(io, socket);
  });
};
