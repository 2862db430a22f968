import type { AccountsTranslation } from '../en/accounts.js'

// Chaînes françaises des comptes clients et des réglages de sécurité, fusionnées dans ../index.ts.
export const frAccounts: AccountsTranslation = {
  labels: { SecuritySettings: 'Réglages de sécurité' },
  actions: { securitySettings: 'Réglages de sécurité' },
  messages: {
    settingsSaved_one: 'Réglages enregistrés : 1 modification.',
    settingsSaved_other: 'Réglages enregistrés : {{count}} modifications.',
    settingsUnchanged: 'Rien à enregistrer : les réglages sont inchangés.',
    invalidChoice: 'Choisissez une des valeurs proposées.',
    invalidWholeNumber: 'Saisissez un nombre entier.',
    outOfRange: 'Cette valeur sort de la plage autorisée.',
    wrongPassword: "Le mot de passe n'est pas le bon.",
    invalidTotpCode:
      "Ce code n'est pas valide : saisissez les 6 chiffres affichés par votre application, ou un code de secours.",
    paymentMethodDetached: 'Carte {{brand}} •••• {{last4}} détachée chez Stripe.',
    paymentMethods: {
      stripeUnavailable: 'Stripe est injoignable pour le moment : réessayez dans un instant.',
      stripeError: 'Stripe a refusé la demande.',
      noCustomer: "Ce client n'a pas de client Stripe (ou il a été supprimé chez Stripe).",
    },
    accounts: {
      invalidCredentials: "L'e-mail ou le mot de passe n'est pas le bon.",
      throttled: 'Trop de tentatives échouées : réessayez dans quelques minutes.',
      unconfirmed:
        "Confirmez d'abord votre adresse e-mail : suivez le lien de l'e-mail que nous vous avons envoyé.",
      suspended: 'Votre compte est suspendu. Contactez-nous pour le faire réactiver.',
      banned: 'Votre compte est fermé.',
      deleted: "Ce compte n'existe plus.",
      totpRequired: "Saisissez le code de votre application d'authentification.",
      invalidTotp: "Ce code n'est pas valide.",
      passwordUnusable: 'Votre mot de passe doit être réinitialisé : utilisez « Mot de passe oublié ? ».',
      tokenInvalid: "Ce lien n'est pas valide ou a déjà servi.",
      tokenExpired: 'Ce lien a expiré : demandez-en un nouveau.',
      accountClosed: 'Ce compte est fermé.',
      twoFactorAlreadyOn: 'La double authentification est déjà activée.',
      twoFactorNotStarted:
        "Recommencez l'activation de la double authentification : aucun code n'était attendu.",
      twoFactorOff: "La double authentification n'est pas activée.",
      notFound: "Ce compte n'existe pas.",
      rateLimited: 'Trop de demandes : réessayez un peu plus tard.',
    },
  },
  components: {
    SecuritySettings: {
      title: 'Réglages de sécurité',
      loadFailed: "Les réglages n'ont pas pu être chargés.",
      save: 'Enregistrer',
      range: 'De {{min}} à {{max}}.',
      on: 'activé',
      off: 'désactivé',
      sections: {
        registration: 'Inscription',
        hashing: 'Hachage des mots de passe',
        tokens: 'Liens envoyés par e-mail',
        throttle: 'Limitation des connexions',
        hashReport: 'Rapport des empreintes',
        history: 'Modifications',
      },
      fields: {
        autoConfirmRegistration: 'Confirmer automatiquement les inscriptions',
        hashingDriver: 'Algorithme de hachage',
        bcryptCost: 'Coût bcrypt',
        argon2MemoryCost: 'Mémoire argon2 (Kio)',
        argon2TimeCost: 'Passes argon2',
        confirmationHours: 'Durée du lien de confirmation (heures)',
        passwordResetMinutes: 'Durée du lien de réinitialisation (minutes)',
        maxFailedLogins: 'Échecs de connexion avant limitation',
        throttleMinutes: 'Durée de la limitation (minutes)',
        // The retention setting's history key is `gdpr.retentionMonths` (services/gdpr/retention.ts).
        gdpr: { retentionMonths: 'Anonymisation des clients inactifs (mois)' },
      },
      help: {
        autoConfirmRegistration:
          "Les nouveaux clients sont actifs tout de suite, sans l'e-mail de confirmation.",
        hashingDriver:
          'Les nouveaux mots de passe l’utilisent ; les anciens sont rehachés avec lui à leur prochaine connexion réussie.',
      },
      hashReportIntro:
        'Comment les mots de passe des clients sont stockés. Rien n’est modifié ici : chacun est rehaché en {{driver}} à sa prochaine connexion réussie.',
      report: {
        format: 'Format',
        count: 'Clients',
        current: 'À jour',
        atNextLogin: 'Rehachés à la prochaine connexion',
        empty: 'Aucun client pour le moment.',
        total: 'Clients en tout : {{total}}.',
      },
      formats: {
        argon2id: 'argon2id',
        argon2i: 'argon2i',
        argon2d: 'argon2d',
        bcrypt: 'bcrypt (2a, 2b, 2y)',
        unknown: 'Illisible (à réinitialiser)',
        none: 'Sans mot de passe',
      },
      history: {
        when: 'Quand',
        who: 'Qui',
        ip: 'IP',
        changes: 'Modifications',
        empty: "Aucune modification : les valeurs par défaut de l'installation s'appliquent.",
      },
    },
  },
  resources: {
    ClientEvent: { labels: { type: { payment_method_detached: 'Moyen de paiement détaché' } } },
    SecuritySettings: {
      properties: { id: 'ID', actor: 'Par', ip: 'IP', changes: 'Modifications', createdAt: 'Quand' },
    },
    Client: {
      properties: {
        twoFactorLastStep: 'Dernier pas de code 2FA',
        sessionGeneration: 'Génération des sessions',
      },
    },
  },
}
