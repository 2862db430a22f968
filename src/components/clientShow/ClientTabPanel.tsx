import React, { useState } from 'react'
import { Box, Text } from '@adminjs/design-system'
import type { RecordJSON } from 'adminjs'
import type { HostTab, TabState } from '../../shared/clientPageTabs.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import type { TabPage } from '../../services/list/clientTabs.js'
import DetailsTab from './DetailsTab.js'
import ExportButton from '../export/ExportButton.js'
import NoteForm from './NoteForm.js'
import PaymentMethodsTab from './PaymentMethodsTab.js'
import FilesTab from './FilesTab.js'
import TabTable, { type TabColumn } from './TabTable.js'
import { useClientShowText } from './useClientShowText.js'
import { useClientTabColumns } from './useClientTabColumns.js'
import { resourceId } from '../common/resourceId.js'

/** The open tab's content: the details, the cards, or a data tab's table (the notes with their form). */
const ClientTabPanel: React.FC<{
  record: RecordJSON
  state: TabState
  hostTabs: HostTab[]
  language: string
  onNavigate: (next: TabState) => void
  onNoteAdded?: () => void
}> = ({ record, state, hostTabs, language, onNavigate, onNoteAdded }) => {
  const t = useClientShowText()
  const format = usePanelFormat()
  const columns = useClientTabColumns(language)
  // Bumped when a note is added, so the notes table fetches its page again.
  const [notesVersion, setNotesVersion] = useState(0)
  const recordId = String(record.id)

  const table = (
    tab: string,
    rowResource: string,
    tabColumns: TabColumn[],
    footer?: (page: TabPage) => React.ReactNode,
    version = 0,
  ) => (
    <TabTable
      key={tab}
      recordId={recordId}
      tab={tab}
      page={state.page}
      version={version}
      columns={tabColumns}
      rowResource={rowResource}
      empty={t(`empty.${hostTabs.some((h) => h.resourceId === tab) ? 'host' : tab}`)}
      onPage={(page) => onNavigate({ tab, page })}
      footer={footer}
    />
  )

  switch (state.tab) {
    case 'details':
      return <DetailsTab record={record} language={language} />
    case 'contracts':
      return table('contracts', resourceId('Contract'), columns.contracts)
    case 'commissions':
      return table('commissions', resourceId('Commission'), columns.commissions, (page) => (
        <Text mt="default" fontWeight="bold" data-testid="commissions-total">
          {t('total', { total: format.money(page.sum ?? '0') })}
        </Text>
      ))
    case 'advisors':
      return table('advisors', resourceId('Advisor'), columns.advisors)
    case 'emails':
      return table('emails', resourceId('EmailLog'), columns.emails)
    case 'paymentMethods':
      return <PaymentMethodsTab recordId={recordId} />
    case 'history':
      return (
        <Box>
          {record.recordActions.some((a) => a.name === 'exportHistory') && (
            <Box mb="default">
              <ExportButton recordId={recordId} />
            </Box>
          )}
          {table('history', resourceId('ClientEvent'), columns.history)}
        </Box>
      )
    case 'notes':
      return (
        <Box>
          {record.recordActions.some((a) => a.name === 'addNote') && (
            <NoteForm
              recordId={recordId}
              onAdded={() => {
                setNotesVersion((n) => n + 1)
                onNoteAdded?.()
              }}
            />
          )}
          {table('notes', resourceId('ClientNote'), columns.notes, undefined, notesVersion)}
        </Box>
      )
    case 'files':
      return <FilesTab recordId={recordId} language={language} onChanged={() => onNoteAdded?.()} />
    default: {
      const host = hostTabs.find((h) => h.resourceId === state.tab)
      if (!host) return null
      return table(host.resourceId, host.resourceId, columns.host(host))
    }
  }
}

export default ClientTabPanel
