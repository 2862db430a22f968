import type { EmailTranslation } from '../en/emails.js'

// Les emails aux clients, en français.
export const frEmails: EmailTranslation = {
  greeting: 'Bonjour {{fullName}},',
  signature: 'Cordialement,\nLe service client',
  confirmation: {
    subject: 'Confirmez votre adresse e-mail',
    body: 'Merci de confirmer votre adresse e-mail en ouvrant ce lien :\n{{link}}\n\nLe lien ne sert qu’une fois et expire dans {{hours}} heures. Si vous n’avez pas créé de compte, ignorez cet e-mail.',
  },
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe',
    body: 'Une réinitialisation du mot de passe a été demandée pour votre compte. Choisissez un nouveau mot de passe en ouvrant ce lien :\n{{link}}\n\nLe lien ne sert qu’une fois et expire dans {{minutes}} minutes. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.',
  },
  suspended: {
    subject: 'Votre compte a été suspendu',
    body: 'Votre compte a été suspendu.\nMotif : {{reason}}\n\nN’hésitez pas à nous contacter pour toute question.',
  },
  banned: {
    subject: 'Votre compte a été fermé',
    body: 'Votre compte a été fermé et ne peut plus être utilisé.\nMotif : {{reason}}\n\nN’hésitez pas à nous contacter pour toute question.',
  },
  reactivated: {
    subject: 'Votre compte est de nouveau actif',
    body: 'Votre compte est de nouveau actif : vous pouvez vous connecter comme avant.',
  },
  accountExists: {
    subject: 'Vous avez déjà un compte',
    body: 'Quelqu’un, peut-être vous, a voulu créer un compte avec cette adresse. Vous en avez déjà un : connectez-vous, ou, si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié ? » sur la page de connexion.\n\nSi ce n’était pas vous, ignorez cet e-mail : rien n’a changé sur votre compte.',
  },
  paymentReminder: {
    subject: 'Relance impayé',
    body: 'Sauf erreur de notre part, un paiement reste dû sur votre compte {{clientNumber}}. Pourriez-vous le régler dans les meilleurs délais ?\n\nSi vous l’avez déjà réglé, merci de ne pas tenir compte de cet e-mail.',
  },
  documentsRequest: {
    subject: 'Pièces manquantes à votre dossier',
    body: 'Pour compléter votre dossier {{clientNumber}}, il nous manque encore quelques pièces. Pourriez-vous nous les envoyer en réponse à cet e-mail ?',
  },
}
