import type { enGdpr } from '../en/gdpr.js'

// Les actions RGPD (archive, anonymisation, conservation), fusionnées dans ../index.ts.
export const frGdpr: typeof enGdpr = {
  actions: {
    gdprArchive: 'Données personnelles (RGPD)',
    anonymise: 'Anonymiser',
    retention: 'Conservation (RGPD)',
  },
  messages: {
    alreadyAnonymised: 'le client est déjà anonymisé',
    hasOpenBusiness:
      'le client a encore des contrats actifs ou des commissions impayées : cochez « anonymiser quand même » et donnez un motif',
    confirmationMismatch: 'Ce n’est pas le numéro du client.',
    clientAnonymised: 'Client anonymisé. Ses contrats et commissions restent, rattachés au client anonymisé.',
    retentionOff: 'La conservation est désactivée : indiquez d’abord un nombre de mois.',
    retentionSaved: 'Réglage de conservation enregistré.',
    retentionDone_one: '{{count}} client anonymisé, en {{batches}} lots.',
    retentionDone_other: '{{count}} clients anonymisés, en {{batches}} lots.',
    gdprArchiveReadme: [
      'Données personnelles du client {{clientNumber}}, exportées le {{date}} (UTC).',
      '',
      'Chaque fichier est un document JSON :',
      '- profile.json : identité, coordonnées, adresse, langue, statut, dates du compte, dernière connexion et son adresse IP.',
      '- contracts.json : les contrats, avec leur produit, statut, dates et prime.',
      '- commissions.json : les commissions sur ces contrats (période, montant, taux, statut).',
      '- emails.json : les e-mails envoyés au client (objet, corps, statut) ; les liens qu’ils contenaient sont masqués.',
      '- history.json : chaque action sur le compte, avec qui l’a faite, quand, depuis quelle adresse IP et pourquoi.',
      '- notes.json : les notes écrites par l’équipe sur le client.',
      '- tags.json : les étiquettes posées par l’équipe sur le client, et depuis quand.',
      '- consents.json : quand l’adresse e-mail a été confirmée et la double authentification activée, et la langue choisie.',
      '- logins.json : la dernière connexion et chaque tentative enregistrée (heure, adresse IP, succès).',
      '- tokens.json : les liens de confirmation et de réinitialisation émis (objet, dates ; jamais le lien lui-même).',
      '',
      'Les mots de passe, secrets de double authentification, codes de secours et liens ne sont conservés que sous forme d’empreintes irréversibles, et ne figurent pas dans cette archive.',
    ].join('\n'),
    forms: {
      anonymise: {
        intro:
          'Anonymiser ce client ? Son nom devient « Client anonymisé » ; son e-mail, son téléphone, son adresse, son identifiant Stripe et sa dernière IP sont effacés ; son mot de passe, sa double authentification, ses liens et le texte de ses notes et e-mails disparaissent. Ses contrats et commissions restent, pour la comptabilité. C’est irréversible : rien ne permettra de retrouver ces données.',
        confirmation: 'Saisissez le numéro du client pour confirmer',
        force: 'Anonymiser quand même, malgré des contrats actifs ou des commissions impayées',
        reason: 'Motif (obligatoire pour anonymiser quand même)',
        submit: 'Anonymiser définitivement',
      },
    },
  },
  components: {
    GdprArchive: {
      intro:
        'Téléchargez tout ce qui est conservé sur ce client dans un fichier ZIP : un document JSON par nature (profil, contrats, commissions, e-mails, historique, notes, consentements, connexions) et un README. Aucun mot de passe ni secret n’y figure. Le téléchargement est inscrit à l’historique du client.',
      download: 'Télécharger l’archive',
      downloading: 'Préparation de l’archive…',
      done: 'L’archive est téléchargée.',
    },
    RetentionPanel: {
      title: 'Conservation des données personnelles',
      intro:
        'Les clients inactifs depuis ce nombre de mois sont anonymisés : aucune connexion, aucun contrat actif, aucune commission (ni impayée) sur cette durée. Désactivé si vide. L’hébergeur peut la lancer par cron : npm run retention.',
      months: 'Anonymiser les clients inactifs depuis (mois)',
      save: 'Enregistrer',
      off: 'La conservation est désactivée.',
      dryRun_one: '{{count}} client serait anonymisé maintenant :',
      dryRun_other: '{{count}} clients seraient anonymisés maintenant :',
      none: 'Aucun client ne serait anonymisé maintenant.',
      more: '… et {{count}} de plus.',
      run: 'Les anonymiser maintenant',
      confirm: 'Anonymiser définitivement ces clients ? C’est irréversible.',
      clientNumber: 'Client',
      name: 'Nom',
      lastLogin: 'Dernière connexion',
      createdAt: 'Créé le',
      never: 'jamais',
    },
  },
  resources: {
    Client: { properties: { anonymisedAt: 'Anonymisé le' } },
    ClientEvent: {
      labels: { type: { data_exported: 'Données personnelles exportées', anonymised: 'Anonymisé' } },
    },
  },
}
