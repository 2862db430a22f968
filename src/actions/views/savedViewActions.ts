// Saved views of a list (issue 28: clients, contracts, commissions): the list's bar reads them
// (savedViews) and calls the others; each a resource action of no screen of its own, one service
// call, a translated notice. The same actions on each resource, for that resource's views.
// Who sees and changes which view is the service's rule (services/views/savedViews.ts).
import type { Action, ActionContext, ActionRequest, ActionResponse, NoticeMessage } from 'adminjs'
import type { DataSource } from 'typeorm'
import type { AccessControl } from '../../services/core/accessControl.js'
import { parseInput } from '../../services/core/requestValues.js'
import {
  changeView,
  deleteView,
  saveView,
  setDefaultView,
  visibleViewById,
  visibleViews,
  type Viewer,
} from '../../services/views/savedViews.js'
import { viewSummaries } from '../../services/views/viewCounts.js'
import { payloadLimits, type ActionInput } from '../../shared/actionInputs/fields.js'
import {
  defaultViewInput,
  renameViewInput,
  saveViewInput,
  shareViewInput,
  viewInput,
  type DefaultViewInput,
  type RenameViewInput,
  type SaveViewInput,
  type ShareViewInput,
  type ViewInput,
} from '../../shared/actionInputs/views.js'
import type { ViewResource } from '../../shared/savedViews.js'
import { actorOf, readPayload, refusalResponse } from '../core/clientActionSpecs.js'

export interface ViewActionDeps {
  dataSource: DataSource
  access: AccessControl
}

/** The deps and the list whose views the actions serve (its right names: `<resource>.saveView`…). */
type On = ViewActionDeps & { resource: ViewResource }

/** The right that lets a role change the shared views of others (`admin: '*'` has it). */
export const MANAGE_SHARED_VIEWS = 'manageSharedViews'

const viewerOf = (access: AccessControl, context: ActionContext, resource: ViewResource): Viewer => ({
  email: typeof context.currentAdmin?.email === 'string' ? context.currentAdmin.email : null,
  managesShared: access.can(context.currentAdmin, resource, MANAGE_SHARED_VIEWS),
})

type Run = (request: ActionRequest, context: ActionContext, input: never) => Promise<string>

/** A change to the views: POST only, its input read with its schema, one service call, its notice. */
function viewChange(
  resource: ViewResource,
  name: string,
  input: ActionInput,
  run: Run,
): Partial<Action<ActionResponse>> {
  return {
    name,
    actionType: 'resource',
    component: false,
    isVisible: false,
    showInDrawer: false,
    handler: async (request, _response, context) => {
      if (request.method !== 'post') return {}
      try {
        const value = parseInput(input, readPayload(request, payloadLimits(input)))
        const message = await run(request, context, value as never)
        const notice: NoticeMessage = { message, type: 'success', resourceId: resource }
        return { notice }
      } catch (error) {
        return refusalResponse(error, context)
      }
    },
  }
}

/**
 * The views the admin sees on the list, each with its count, and their default; `?view=<id>`: that
 * view too, when it is not among them (a link someone sent). Read-only whatever the method.
 */
export const savedViewsAction = ({ dataSource, access, resource }: On): Partial<Action<ActionResponse>> => ({
  name: 'savedViews',
  actionType: 'resource',
  component: false,
  isVisible: false,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    const viewer = viewerOf(access, context, resource)
    const { views, defaultViewId } = await visibleViews(dataSource, viewer, resource)
    const asked = String((request.query as Record<string, unknown> | undefined)?.view ?? '')
    if (/^[1-9]\d{0,9}$/.test(asked) && !views.some((v) => v.id === Number(asked))) {
      const opened = await visibleViewById(dataSource, viewer, Number(asked), resource)
      if (opened) views.push(opened)
    }
    return { views: await viewSummaries(dataSource, viewer, views), defaultViewId }
  },
})

export const saveViewAction = ({ dataSource, resource }: On) =>
  viewChange(resource, 'saveView', saveViewInput, async (request, context, input: SaveViewInput) => {
    await saveView(dataSource, actorOf(request, context), resource, input)
    return 'viewSaved'
  })

export const renameViewAction = ({ dataSource, access, resource }: On) =>
  viewChange(resource, 'renameView', renameViewInput, async (request, context, input: RenameViewInput) => {
    const viewer = viewerOf(access, context, resource)
    await changeView(dataSource, actorOf(request, context), viewer, resource, input.view, {
      name: input.name,
    })
    return 'viewRenamed'
  })

export const shareViewAction = ({ dataSource, access, resource }: On) =>
  viewChange(resource, 'shareView', shareViewInput, async (request, context, input: ShareViewInput) => {
    const viewer = viewerOf(access, context, resource)
    const change = { shared: input.shared }
    await changeView(dataSource, actorOf(request, context), viewer, resource, input.view, change)
    return input.shared ? 'viewShared' : 'viewUnshared'
  })

export const deleteViewAction = ({ dataSource, access, resource }: On) =>
  viewChange(resource, 'deleteView', viewInput, async (request, context, input: ViewInput) => {
    await deleteView(
      dataSource,
      actorOf(request, context),
      viewerOf(access, context, resource),
      resource,
      input.view,
    )
    return 'viewDeleted'
  })

export const defaultViewAction = ({ dataSource, access, resource }: On) =>
  viewChange(
    resource,
    'defaultView',
    defaultViewInput,
    async (_request, context, input: DefaultViewInput) => {
      await setDefaultView(dataSource, viewerOf(access, context, resource), resource, input.view)
      if (input.view !== null) return 'viewDefaultSet'
      return resource === 'Client' ? 'viewDefaultCleared' : 'viewDefaultClearedList'
    },
  )

/** Every action of the views, by name, for the resource whose list they are (`Client` by default). */
export const savedViewActions = (viewDeps: ViewActionDeps, resource: ViewResource = 'Client') => {
  const deps: On = { dataSource: viewDeps.dataSource, access: viewDeps.access, resource }
  return {
    savedViews: savedViewsAction(deps),
    saveView: saveViewAction(deps),
    renameView: renameViewAction(deps),
    shareView: shareViewAction(deps),
    deleteView: deleteViewAction(deps),
    defaultView: defaultViewAction(deps),
  }
}
