import React, { useEffect, useState } from 'react'
import { Box, CheckBox, Label, Text } from '@adminjs/design-system'
import { ApiClient, useTranslation } from 'adminjs'
import type { ActiveContract } from '../../services/list/activeContracts.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import { resourceId } from '../common/resourceId.js'

const api = new ApiClient()

type Loaded =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; contracts: ActiveContract[]; total: number }

/**
 * The client's active contracts in the suspend and ban forms, each with a checkbox, all ticked
 * at first: the form sends the ticked ids as `contractIds`, and only those change.
 */
const ContractChoice: React.FC<{
  recordId: string
  /** The ids ticked, as the form sends them; `null` until the list has loaded. */
  onChange: (ids: number[] | null) => void
  /** What ticking means for this action (a suspension is undone by reactivation, a ban is not). */
  help: string
}> = ({ recordId, onChange, help }) => {
  const { translateComponent } = useTranslation()
  const format = usePanelFormat()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ContractChoice.${key}`, resourceId('Client'), options)
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [ticked, setTicked] = useState<Set<number>>(new Set())

  useEffect(() => {
    let live = true
    api
      .recordAction({
        resourceId: resourceId('Client'),
        recordId,
        actionName: 'activeContracts',
      })
      .then((res) => {
        const active = (res.data as { activeContracts?: { contracts: ActiveContract[]; total: number } })
          .activeContracts
        if (!live) return
        if (!active) {
          setLoaded({ status: 'error' })
          return onChange([])
        }
        const { contracts, total } = active
        setLoaded({ status: 'ready', contracts, total })
        setTicked(new Set(contracts.map((k) => k.id)))
        onChange(contracts.map((k) => k.id))
      })
      .catch(() => {
        if (!live) return
        // The client can still be suspended alone; the message says its contracts were not read.
        setLoaded({ status: 'error' })
        onChange([])
      })
    return () => {
      live = false
    }
    // onChange is the form's setter, the same on every render that matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recordId])

  const toggle = (id: number) => {
    const next = new Set(ticked)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setTicked(next)
    onChange([...next])
  }

  return (
    <Box as="fieldset" mb="xl" style={{ border: 0, padding: 0 }} data-testid="contract-choice">
      <Label as="legend" mb="default">
        {t('legend')}
      </Label>
      {loaded.status === 'loading' && <Text data-testid="contract-choice-loading">{t('loading')}</Text>}
      {loaded.status === 'error' && <Text color="error">{t('error')}</Text>}
      {loaded.status === 'ready' && loaded.contracts.length === 0 && <Text>{t('none')}</Text>}
      {loaded.status === 'ready' &&
        loaded.contracts.map((k) => {
          const id = `contract-choice-${k.id}`
          return (
            <Box key={k.id} flex alignItems="center" mb="sm">
              <CheckBox
                id={id}
                checked={ticked.has(k.id)}
                onChange={() => toggle(k.id)}
                data-contract-id={k.id}
              />
              <Label inline htmlFor={id} ml="default" mb="0">
                {t('contract', {
                  reference: k.reference,
                  product: k.product ?? '—',
                  premium: format.money(k.premium) ?? '—',
                })}
              </Label>
            </Box>
          )
        })}
      {loaded.status === 'ready' && loaded.total > loaded.contracts.length && (
        <Text color="error" data-testid="contract-choice-more">
          {t('more', { count: loaded.total - loaded.contracts.length })}
        </Text>
      )}
      {loaded.status === 'ready' && loaded.contracts.length > 0 && (
        <Text fontSize="sm" color="grey60" mt="sm">
          {help}
        </Text>
      )}
    </Box>
  )
}

export default ContractChoice
