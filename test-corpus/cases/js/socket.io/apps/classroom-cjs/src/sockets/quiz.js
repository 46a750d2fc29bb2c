const Quiz = require('../models/quiz');

module.exports = function registerQuiz(io, socket) {
  socket.on('quiz:answer', async ({ quizId, answer }, ack) => {
    const result = await Quiz.recordAnswer(quizId, socket.data.user.id, answer);
    // ok: broadcast-to-all -- the student's own room
    io.to(`student:${socket.data.user.id}`).emit('quiz:graded', result);
    ack({ ok: true });
  });

  // expect-no-fix: missing-message-authz -- who may publish is the app's role model; wsguard writes no permission check it cannot read back as one
  // expect: missing-message-authz -- any student can publish grades
  socket.on('quiz:publish', async (quizId) => {
    await Quiz.updateOne({ _id: quizId }, { $set: { published: true } });
    const grades = await Quiz.gradesFor(quizId);
    // expect-no-fix: broadcast-to-all -- a module handed the socket, outside the connection handler: the user's room is joined elsewhere
    // expect: broadcast-to-all -- every student's grades to every connection
    io.emit('quiz:grades', grades);
  });

  // ok: missing-message-authz -- teachers only
  socket.on('quiz:delete', async (quizId) => {
    if (socket.data.user.role !== 'teacher') return;
    await Quiz.deleteOne({ _id: quizId });
  });
};
