// The host's own admin account: the bed's app seeds it, the tests log in with it. A module of its
// own, so the tests read it without loading the app (which imports the packed 'adminjs-clients').
export const HOST_ADMIN = { email: 'admin@host.test', password: 'host-password-1' }
