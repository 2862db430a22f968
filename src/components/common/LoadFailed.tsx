import React from 'react'
import { Box, Button, MessageBox } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { resourceId } from './resourceId.js'

/** What a panel shows when its data could not be read: a message and a retry (useActionData). */
const LoadFailed: React.FC<{ retry: () => void; message?: string; testId?: string }> = ({
  retry,
  message,
  testId = 'load-failed',
}) => {
  const { translateComponent } = useTranslation()
  const t = (key: string) => translateComponent(`LoadFailed.${key}`, resourceId('Client'))
  return (
    <Box data-testid={testId} py="lg">
      <MessageBox variant="danger" message={message ?? t('message')} mb="default" />
      <Button type="button" size="sm" onClick={retry}>
        {t('retry')}
      </Button>
    </Box>
  )
}

export default LoadFailed
