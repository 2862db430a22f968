// A client's marketing consent set from the panel: given or withdrawn (the source is `panel`).
import { actionInput, field, type InputValue } from './fields.js'

export const marketingConsentInput = actionInput({
  consent: field.select(['in', 'out']),
})

export type MarketingConsentInput = InputValue<typeof marketingConsentInput>
