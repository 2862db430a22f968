// A client's marketing consent, given or withdrawn from the panel (source `panel`, one history event).
import { setMarketingConsent } from '../../services/lifecycle/marketingConsent.js'
import { marketingConsentInput } from '../../shared/actionInputs/marketingConsent.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const marketingConsentAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'marketingConsent',
    group: 'contact',
    icon: 'Mail',
    input: marketingConsentInput,
    handler: ({ actor, id, input }) => setMarketingConsent(lifecycle, actor, id, input),
    success: 'marketingConsentSaved',
  })
