/** Which record a history change is about: the client's own field, or one of its contracts'. */
export interface ChangeField {
  resource: 'Client' | 'Contract'
  property: string
  /** The contract's id, for a contract's field. */
  contractId?: string
}

/**
 * Reads a change's field as the services write it: `status` (the client's) or
 * `contract 110 status` (services/lifecycle/contractBulk.ts), so that the page names it
 * "Contrat n° 110, Statut" instead of AdminJS's guess "Contract 110 Status".
 */
export function readChangeField(field: string): ChangeField {
  const contract = /^contract (\d+) (\w+)$/.exec(field)
  if (contract) return { resource: 'Contract', property: contract[2], contractId: contract[1] }
  return { resource: 'Client', property: field }
}
