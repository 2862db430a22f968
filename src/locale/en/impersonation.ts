// English strings of "log in as this client" (issue 19), merged in ../index.ts.
export const enImpersonation = {
  actions: { impersonate: 'Log in as this client' },
  messages: {
    impersonationStarted:
      'The client area opens in a new tab, logged in as this client. The link works once, within 60 seconds.',
    impersonationUnavailable: 'logging in as a client is not set up (option links.impersonate)',
    accounts: {
      impersonating:
        'Not while an administrator is logged in as the client: the password, the email address and two-factor authentication stay the client’s own.',
    },
    forms: {
      impersonate: {
        intro:
          'Open the client area as this client sees it, in a new tab, without their password. Nobody can change their password, email address or two-factor authentication meanwhile. Your name, IP address and reason are kept in the history.',
        reason: 'Reason (kept in the history)',
        submit: 'Log in as this client',
      },
    },
  },
  components: {
    ActionFormExtras: { impersonationOpen: 'Open the client area (if the tab did not open)' },
  },
  resources: {
    ClientEvent: {
      labels: {
        type: {
          impersonation_started: 'Admin logged in as the client',
          impersonation_ended: 'Admin’s login as the client ended',
        },
      },
    },
  },
}
