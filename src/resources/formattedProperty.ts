import type { PropertyOptions } from 'adminjs'
import type { ValueFormat } from '../shared/displayFormat.js'
import type { ResourceDeps } from './resourceDeps.js'

/**
 * A property shown formatted in its list and on its page (components/common/FormattedValue.tsx):
 * money, a rate, a date, a phone… instead of AdminJS's raw `5904.93` and ISO dates. Forms and
 * filters keep AdminJS's inputs.
 */
export function formatted(deps: Pick<ResourceDeps, 'components'>, format: ValueFormat): PropertyOptions {
  const component = deps.components.FormattedValue
  return { components: { list: component, show: component }, props: { format } }
}
