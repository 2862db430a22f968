import type { enImpersonation } from '../en/impersonation.js'

// Les textes de « se connecter en tant que ce client » (issue 19), fusionnés dans ../index.ts.
export const frImpersonation: typeof enImpersonation = {
  actions: { impersonate: 'Se connecter en tant que ce client' },
  messages: {
    impersonationStarted:
      'L’espace client s’ouvre dans un nouvel onglet, connecté en tant que ce client. Le lien sert une fois, dans les 60 secondes.',
    impersonationUnavailable:
      'la connexion en tant que client n’est pas configurée (option links.impersonate)',
    accounts: {
      impersonating:
        'Impossible pendant qu’un administrateur est connecté en tant que client : le mot de passe, l’adresse e-mail et la double authentification restent au client.',
    },
    forms: {
      impersonate: {
        intro:
          'Ouvrir l’espace client tel que ce client le voit, dans un nouvel onglet, sans son mot de passe. Personne ne peut changer entre-temps son mot de passe, son adresse e-mail ni sa double authentification. Votre nom, votre adresse IP et le motif sont gardés dans l’historique.',
        reason: 'Motif (gardé dans l’historique)',
        submit: 'Se connecter en tant que ce client',
      },
    },
  },
  components: {
    ActionFormExtras: { impersonationOpen: 'Ouvrir l’espace client (si l’onglet ne s’est pas ouvert)' },
  },
  resources: {
    ClientEvent: {
      labels: {
        type: {
          impersonation_started: 'Admin connecté en tant que client',
          impersonation_ended: 'Fin de la connexion de l’admin en tant que client',
        },
      },
    },
  },
}
