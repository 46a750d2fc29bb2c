const { requireAdmin } = require('./auth');
const accounts = require('./accounts');

module.exports = function registerAdmin(io) {
  // ok: missing-upgrade-auth -- requireAdmin verifies the token and the admin role
  // ok: missing-origin-check
  const admin = io.of('/admin');
  admin.use(requireAdmin);
  admin.on('connection', (socket) => {
    // ok: missing-message-authz -- only admins get past the namespace middleware
    socket.on('account:freeze', async (accountId) => {
      await accounts.freeze(accountId);
    });
  });
};
