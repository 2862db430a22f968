import { NotFoundError, type Action, type ActionResponse } from 'adminjs'

/** The header's dropdowns a record action sits in. */
export type ActionGroup = 'account' | 'status' | 'contact'

/**
 * Each dropdown is an action of its own with no handler (so no link): AdminJS labels a parent
 * that names an action with that action's translated label (`actions.statusMenu`), while a
 * plain string would stay as given whatever the panel's language.
 */
export const GROUP_MENUS: Record<ActionGroup, string> = {
  account: 'accountMenu',
  status: 'statusMenu',
  contact: 'contactMenu',
}
const MENU_ICONS: Record<ActionGroup, string> = { account: 'User', status: 'Activity', contact: 'Mail' }

/** The three dropdowns, and for each the actions in it: the menu shows to whoever may run one of them. */
export function actionGroupMenus(actions: Record<string, Partial<Action<ActionResponse>>>) {
  const menus: Record<string, Partial<Action<ActionResponse>>> = {}
  const rights: Record<string, string[]> = {}
  for (const [group, name] of Object.entries(GROUP_MENUS) as [ActionGroup, string][]) {
    rights[name] = Object.values(actions)
      .filter((a) => a.parent === name)
      .map((a) => a.name as string)
    menus[name] = {
      name,
      actionType: 'record',
      icon: MENU_ICONS[group],
      component: false,
      showInDrawer: false,
      guard: '',
      // A menu is not something to run: called anyway, it answers with an error notice.
      before: [
        () => {
          throw new NotFoundError(`${name} is a menu of the panel, not an action`, 'Action#before')
        },
      ],
    }
  }
  return { menus, rights }
}
