// Emails to clients, in English: the shipped defaults of the email templates (an admin may edit
// them in the panel). Their `{{fields}}` are filled (and escaped in HTML) by src/services/mail/templateRender.ts.
export const enEmails = {
  greeting: 'Hello {{fullName}},',
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
  banned: {
    subject: 'Your account has been closed',
    body: 'Your account has been closed and can no longer be used.\nReason: {{reason}}\n\nPlease contact us if you have any question.',
  },
  reactivated: {
    subject: 'Your account is active again',
    body: 'Your account is active again: you can log in as before.',
  },
  accountExists: {
    subject: 'You already have an account',
    body: 'Someone, perhaps you, tried to create an account with this address. You already have one: log in, or, if you forgot your password, use "Forgot your password?" on the login page.\n\nIf it was not you, ignore this email: nothing changed on your account.',
  },
  paymentReminder: {
    subject: 'Payment reminder',
    body: 'Unless we are mistaken, a payment on your account {{clientNumber}} is still outstanding. Could you settle it at your earliest convenience?\n\nIf you have already paid, please ignore this email.',
  },
  documentsRequest: {
    subject: 'Documents needed for your file',
    body: 'To complete your file {{clientNumber}}, we still need a few documents from you. Could you send them to us in reply to this email?',
  },
}

export type EmailTranslation = typeof enEmails
