import React, { useEffect, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { Box, Loader } from '@adminjs/design-system'
import {
  ActionHeader,
  ApiClient,
  BaseActionComponent,
  DrawerPortal,
  NoActionError,
  ViewHelpers,
  useNotice,
  useResource,
  useTranslation,
  type ActionJSON,
  type RecordJSON,
  type ResourceJSON,
} from 'adminjs'
import DrawerFrame from './DrawerFrame.js'
import { resourceId as ourId } from './resourceId.js'

type Props = Record<string, unknown> & { OriginalComponent?: React.ComponentType<Record<string, unknown>> }
type Params = { resourceId: string; recordId: string; actionName: string }

const api = new ApiClient()
const h = new ViewHelpers()

/**
 * AdminJS's record action route (overridden once for the panel). An action shown in a drawer
 * gets a close button, Escape, a backdrop and a focus trap (DrawerFrame); behind a client's
 * drawer stays the client's own page, not the Clients list (a click beside the drawer used to
 * open another client). Every other action is AdminJS's route as it is.
 */
const RecordActionRoute: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const params = useParams() as Params
  const resource = useResource(params.resourceId)
  const inDrawer = resource?.actions.find((a) => a.name === params.actionName)?.showInDrawer
  if (resource && inDrawer) {
    return <DrawerRoute key={`${params.recordId}/${params.actionName}`} params={params} resource={resource} />
  }
  return OriginalComponent ? <OriginalComponent {...props} /> : null
}

const DrawerRoute: React.FC<{ params: Params; resource: ResourceJSON }> = ({ params, resource }) => {
  const navigate = useNavigate()
  const location = useLocation()
  const addNotice = useNotice()
  const { translateAction } = useTranslation()
  const [record, setRecord] = useState<RecordJSON | null>(null)
  const [behind, setBehind] = useState<RecordJSON | null>(null)
  const [loaded, setLoaded] = useState(false)
  const showAction = resource.actions.find((a) => a.name === 'show')
  const listAction = resource.resourceActions.find((a) => a.name === 'list')
  // A client's page stays behind its drawers; other resources keep AdminJS's list there.
  const showBehind = resource.id === ourId('Client') && Boolean(showAction)

  useEffect(() => {
    let live = true
    api
      .recordAction(params)
      .then((response) => {
        if (!live) return
        if (response.data.notice?.type === 'error') addNotice(response.data.notice)
        setRecord(response.data.record ?? null)
      })
      .catch(() => live && addNotice({ message: 'errorFetchingRecord', type: 'error' }))
      .finally(() => live && setLoaded(true))
    if (showBehind) {
      api
        .recordAction({ ...params, actionName: 'show' })
        .then((response) => live && setBehind(response.data.record ?? null))
        .catch(() => undefined)
    }
    return () => {
      live = false
    }
    // One drawer, one record: the route's key remounts this for another.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const close = () =>
    navigate({
      pathname: showBehind
        ? h.recordActionUrl({ resourceId: resource.id, recordId: params.recordId, actionName: 'show' })
        : h.resourceUrl({ resourceId: resource.id }),
      search: location.search,
    })

  const action = record?.recordActions.find((a) => a.name === params.actionName)
  const drawerAction = action ?? resource.actions.find((a) => a.name === params.actionName)
  let content: React.ReactNode = <Loader />
  if (record && action) {
    content = <BaseActionComponent action={action as ActionJSON} resource={resource} record={record} />
  } else if (loaded) {
    content = <NoActionError resourceId={resource.id} actionName={params.actionName} />
  }

  return (
    <>
      <DrawerPortal width={drawerAction?.containerWidth}>
        <DrawerFrame
          title={translateAction(drawerAction?.label ?? params.actionName, resource.id)}
          onClose={close}
        >
          {content}
        </DrawerFrame>
      </DrawerPortal>
      <Box variant="transparent" mx="auto" width={(showBehind ? showAction : listAction)?.containerWidth}>
        {showBehind && showAction ? (
          behind ? (
            <>
              <ActionHeader resource={resource} action={showAction} record={behind} />
              <BaseActionComponent action={showAction} resource={resource} record={behind} />
            </>
          ) : (
            <Loader />
          )
        ) : (
          listAction && (
            <>
              <ActionHeader resource={resource} action={listAction} />
              <BaseActionComponent action={listAction} resource={resource} />
            </>
          )
        )}
      </Box>
    </>
  )
}

export default RecordActionRoute
