import React, { useState } from 'react'
import {
  Badge,
  Box,
  Button,
  Icon,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { ApiClient, useNotice, useTranslation } from 'adminjs'
import { paymentMethodsView, type PaymentMethodsAnswer } from './paymentMethodsView.js'
import { resourceId } from '../common/resourceId.js'
import { useActionData } from '../common/useActionData.js'

const api = new ApiClient()

/**
 * The client's cards as Stripe has them, through the Client action `paymentMethods` (GET lists,
 * POST `{ paymentMethodId }` detaches): a clear state when Stripe is not configured, when the
 * client has no Stripe customer, and when Stripe or the request fails.
 */
const PaymentMethodsTab: React.FC<{ recordId: string }> = ({ recordId }) => {
  const { translateComponent, translateMessage } = useTranslation()
  const addNotice = useNotice()
  const [version, setVersion] = useState(0)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [detaching, setDetaching] = useState(false)
  const t = (k: string, options?: Record<string, unknown>) =>
    translateComponent(`PaymentMethods.${k}`, resourceId('Client'), options)

  const loaded = useActionData<PaymentMethodsAnswer>(
    `${recordId}|${version}`,
    () => api.recordAction({ resourceId: resourceId('Client'), recordId, actionName: 'paymentMethods' }),
    (answer) => answer as PaymentMethodsAnswer,
  )

  const detach = async (paymentMethodId: string) => {
    setDetaching(true)
    const data = new FormData()
    data.append('paymentMethodId', paymentMethodId)
    try {
      const res = await api.recordAction({
        resourceId: resourceId('Client'),
        recordId,
        actionName: 'paymentMethods',
        data,
      })
      const notice = res.data.notice
      if (notice) {
        addNotice({
          message: translateMessage(notice.message, resourceId('Client'), notice.options),
          type: notice.type,
        })
      }
    } catch {
      addNotice({ message: t('failed'), type: 'error' })
    } finally {
      setDetaching(false)
      setConfirming(null)
      setVersion((n) => n + 1)
    }
  }

  if (loaded.status === 'loading') {
    return (
      <Text data-testid="payment-methods-loading" py="lg">
        <Icon icon="Loader" spin /> {translateComponent('ClientShow.loading', resourceId('Client'))}
      </Text>
    )
  }
  // A request that failed is the view's own error state (it says the methods could not be loaded).
  const view = paymentMethodsView(loaded.status === 'error' ? null : loaded.data)
  if (view.state !== 'list') {
    return (
      <Box data-testid={`payment-methods-${view.state}`} py="lg">
        <MessageBox
          variant={view.state === 'notConfigured' || view.state === 'empty' ? 'info' : 'danger'}
          message={t(view.message)}
        />
      </Box>
    )
  }
  return (
    <Box data-testid="payment-methods-list">
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>{t('brand')}</TableCell>
            <TableCell>{t('number')}</TableCell>
            <TableCell>{t('expiry')}</TableCell>
            <TableCell>{t('default')}</TableCell>
            {view.canDetach && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {view.items.map((card) => (
            <TableRow key={card.id} data-testid="payment-method">
              <TableCell>{card.brand}</TableCell>
              <TableCell>{card.number}</TableCell>
              <TableCell>{card.expiry}</TableCell>
              <TableCell>{card.isDefault && <Badge variant="primary">{t('isDefault')}</Badge>}</TableCell>
              {view.canDetach && (
                <TableCell>
                  {confirming === card.id ? (
                    <Box flex alignItems="center" style={{ gap: 8 }}>
                      <Text>{t('confirmDetach', { last4: card.last4 })}</Text>
                      <Button
                        type="button"
                        size="sm"
                        variant="danger"
                        disabled={detaching}
                        onClick={() => detach(card.id)}
                        data-testid="payment-method-detach-confirm"
                      >
                        {t('detach')}
                      </Button>
                      <Button type="button" size="sm" onClick={() => setConfirming(null)}>
                        {t('cancel')}
                      </Button>
                    </Box>
                  ) : (
                    <Button
                      type="button"
                      size="sm"
                      variant="outlined"
                      onClick={() => setConfirming(card.id)}
                      data-testid="payment-method-detach"
                    >
                      <Icon icon="Trash2" />
                      {t('detach')}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  )
}

export default PaymentMethodsTab
