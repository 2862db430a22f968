// The bulk changes of contracts: another advisor (by code) or another status.
import { actionInput, field, type InputValue } from './fields.js'

export const changeAdvisorInput = actionInput({
  advisorCode: field.text({ maxLength: 32 }),
})

export const changeContractStatusInput = actionInput({
  status: field.select(['active', 'suspended', 'terminated']),
})

export type ChangeAdvisorInput = InputValue<typeof changeAdvisorInput>
export type ChangeContractStatusInput = InputValue<typeof changeContractStatusInput>
