// Emails to clients, in English. `{{name}}` and the other placeholders are filled (and escaped) by
// src/services/mail/emailTemplates.ts.
export const enEmails = {
  greeting: 'Hello {{name}},',
  signature: 'Best regards,\nThe client service',
  confirmation: {
    subject: 'Confirm your email address',
    body: 'Please confirm your email address by opening this link:\n{{link}}\n\nThe link works once and expires in {{hours}} hours. If you did not create an account, ignore this email.',
  },
  passwordReset: {
    subject: 'Reset your password',
    body: 'A password reset was requested for your account. Choose a new password by opening this link:\n{{link}}\n\nThe link works once and expires in {{minutes}} minutes. If you did not ask for it, ignore this email: your password stays the same.',
  },
  suspended: {
    subject: 'Your account has been suspended',
    body: 'Your account has been suspended.\nReason: {{reason}}\n\nPlease contact us if you have any question.',
  },
  accountExists: {
    subject: 'You already have an account',
    body: 'Someone, perhaps you, tried to create an account with this address. You already have one: log in, or, if you forgot your password, use "Forgot your password?" on the login page.\n\nIf it was not you, ignore this email: nothing changed on your account.',
  },
}

export type EmailTranslation = typeof enEmails
