import type { PluginTranslation } from '../en/index.js'

// The client actions: their names in menus and drawers, and their forms.

export const frActions: PluginTranslation['actions'] = {
  accountMenu: 'Compte',
  statusMenu: 'Statut',
  contactMenu: 'Contacter',
  resendConfirmation: 'Renvoyer la confirmation',
  forceConfirm: 'Confirmer le compte',
  bulkForceConfirm: 'Confirmer les comptes',
  sendPasswordReset: 'Envoyer une réinitialisation du mot de passe',
  sendEmail: 'Envoyer un e-mail',
  bulkSendEmail: 'Envoyer un e-mail',
  suspend: 'Suspendre',
  bulkSuspend: 'Suspendre',
  reactivate: 'Réactiver',
  bulkReactivate: 'Réactiver',
  ban: 'Bannir',
  bulkBan: 'Bannir',
  removeTwoFactor: 'Retirer la 2FA',
  bulkRemoveTwoFactor: 'Retirer la 2FA',
  delete: 'Supprimer',
  bulkDelete: 'Supprimer',
  restore: 'Restaurer',
  changePassword: 'Changer le mot de passe',
  adjustBalance: 'Ajuster le solde',
  addNote: 'Ajouter une note',
  importCommissions: 'Importer un CSV',
  undoImport: 'Annuler l’import',
  mergeClients: 'Fusionner',
  removeForGood: 'Supprimer définitivement',
  bulkChangeAdvisor: 'Changer de conseiller',
  bulkChangeStatus: 'Changer le statut',
  bulkMarkPaid: 'Marquer payées',
  resendEmail: 'Renvoyer',
}

export const frForms: PluginTranslation['messages']['forms'] = {
  resendConfirmation: {
    intro:
      'Envoyer un nouveau lien de confirmation à ce client ? Les liens précédents ne fonctionneront plus.',
    bulkIntro: 'Envoyer un nouveau lien de confirmation aux {{count}} clients sélectionnés ?',
    submit: 'Envoyer le lien',
  },
  forceConfirm: {
    intro: 'Confirmer ce compte sans que le client clique sur le lien ?',
    bulkIntro: 'Confirmer les {{count}} comptes sélectionnés sans que les clients cliquent sur le lien ?',
    submit: 'Confirmer le compte',
  },
  sendPasswordReset: {
    intro:
      'Envoyer à ce client un lien pour choisir un nouveau mot de passe ? Son mot de passe actuel reste valable d’ici là.',
    bulkIntro: 'Envoyer aux {{count}} clients sélectionnés un lien pour choisir un nouveau mot de passe ?',
    submit: 'Envoyer le lien',
  },
  sendEmail: {
    intro:
      'Écrire à ce client. Votre texte est envoyé en texte brut, avec une formule d’appel et notre signature.',
    bulkIntro: 'Écrire aux {{count}} clients sélectionnés. Chacun reçoit son propre e-mail.',
    subject: 'Objet',
    body: 'Message',
    submit: 'Envoyer',
  },
  suspend: {
    intro: 'Le client ne pourra plus se connecter jusqu’à sa réactivation.',
    bulkIntro: 'Les {{count}} clients sélectionnés ne pourront plus se connecter jusqu’à leur réactivation.',
    reason: 'Motif',
    contracts: 'Suspendre aussi ses contrats actifs',
    contractsHelp: 'Seuls les contrats cochés changent ; la réactivation rétablit exactement ceux-là.',
    notify: 'Prévenir le client par e-mail',
    submit: 'Suspendre',
  },
  reactivate: {
    intro: 'Le client redeviendra actif.',
    bulkIntro:
      'Les {{count}} clients sélectionnés redeviendront actifs. Les contrats résiliés par un bannissement restent résiliés.',
    contracts: 'Réactiver aussi les contrats que cette suspension a suspendus',
    // Un client banni : le bannissement est levé, mais les contrats qu’il a résiliés ne reviennent pas.
    afterBan: {
      intro:
        'Le bannissement est levé et le client redeviendra actif. Les contrats que le bannissement a résiliés restent résiliés : une résiliation est définitive.',
      contracts: 'Réactiver aussi les contrats encore suspendus par une suspension antérieure',
    },
    reason: 'Note (facultative)',
    notify: 'Prévenir le client par e-mail',
    submit: 'Réactiver',
  },
  ban: {
    intro:
      'Un client banni ne peut plus se connecter. Les contrats cochés sont résiliés pour de bon : une réactivation ne les rétablira pas.',
    bulkIntro: 'Les {{count}} clients sélectionnés ne pourront plus se connecter.',
    reason: 'Motif',
    contracts: 'Résilier aussi ses contrats',
    contractsHelp:
      'Seuls les contrats cochés sont résiliés, et pour de bon : réactiver le client ne les rétablit pas.',
    notify: 'Prévenir le client par e-mail',
    submit: 'Bannir',
  },
  removeTwoFactor: {
    intro:
      'Retirer la double authentification de ce compte ? Le client se connectera avec son seul mot de passe.',
    bulkIntro: 'Retirer la double authentification des {{count}} comptes sélectionnés ?',
    submit: 'Retirer la double authentification',
  },
  delete: {
    intro:
      'Le client disparaît de la liste et ne peut plus se connecter. Rien n’est effacé : vous pourrez le restaurer.',
    bulkIntro:
      'Les {{count}} clients sélectionnés disparaissent de la liste et ne peuvent plus se connecter. Vous pourrez les restaurer.',
    reason: 'Motif (facultatif)',
    submit: 'Supprimer',
  },
  restore: {
    intro: 'Rendre à ce client le statut qu’il avait avant sa suppression ?',
    bulkIntro: 'Restaurer les {{count}} clients sélectionnés ?',
    submit: 'Restaurer',
  },
  changePassword: {
    intro:
      'Définir un nouveau mot de passe pour ce client. Les liens de réinitialisation déjà envoyés ne fonctionneront plus.',
    bulkIntro: 'Définir un nouveau mot de passe pour les {{count}} clients sélectionnés.',
    password: 'Nouveau mot de passe',
    passwordConfirmation: 'Nouveau mot de passe, à nouveau',
    submit: 'Changer le mot de passe',
  },
  adjustBalance: {
    intro: 'Un montant positif crédite le client, un montant négatif le débite.',
    bulkIntro: 'Ajuster le solde des {{count}} clients sélectionnés.',
    amount: 'Montant',
    reason: 'Motif',
    submit: 'Ajuster le solde',
  },
  addNote: {
    intro: 'Les notes sont réservées à l’équipe : le client ne les voit jamais.',
    bulkIntro: 'Ajouter une note aux {{count}} clients sélectionnés.',
    body: 'Note',
    submit: 'Ajouter la note',
  },
  undoImport: {
    intro:
      'Supprimer les commissions de cet import, et les clients et contrats qu’il a créés et que rien d’autre n’utilise ? L’historique reste.',
    bulkIntro: 'Annuler les {{count}} imports sélectionnés ?',
    submit: 'Annuler l’import',
  },
  resendEmail: {
    intro: 'Renvoyer cet e-mail ? Il repart avec de nouvelles tentatives et garde son Message-ID.',
    bulkIntro: 'Renvoyer les {{count}} e-mails sélectionnés ?',
    submit: 'Renvoyer',
  },
  removeForGood: {
    intro:
      'Supprimer définitivement ce client ? Ses contrats, commissions, e-mails et son historique restent, détachés de lui. C’est irréversible.',
    bulkIntro: 'Supprimer définitivement les {{count}} clients sélectionnés ?',
    submit: 'Supprimer définitivement',
  },
  changeAdvisor: {
    intro: 'Attribuer le contrat sélectionné à un autre conseiller.',
    bulkIntro: 'Attribuer les {{count}} contrats sélectionnés à un autre conseiller.',
    advisorCode: 'Code conseiller',
    submit: 'Changer de conseiller',
  },
  changeContractStatus: {
    intro: 'Donner un autre statut au contrat sélectionné.',
    bulkIntro: 'Donner un autre statut aux {{count}} contrats sélectionnés.',
    status: 'Statut',
    submit: 'Changer le statut',
  },
  markPaid: {
    intro: 'Marquer cette commission payée ?',
    bulkIntro:
      'Marquer payées les {{count}} commissions sélectionnées ? Celles déjà payées ou annulées restent telles quelles.',
    submit: 'Marquer payées',
  },
}
