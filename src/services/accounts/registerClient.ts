import type { EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { InvalidInputError } from '../core/errors.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import { MASK } from '../core/secrets.js'
import { emailLanguage, linkWithToken } from '../mail/templateSet.js'
import { generateClientNumber, isValidEmail, normalizeEmail } from '../../shared/clientIdentity.js'
import type { AccountContext } from './accountContext.js'
import { publicClient, type AccountClient } from './accountClient.js'
import { findClientByEmail, formText } from './accountLookup.js'
import type { SecuritySettings } from './clientSettings.js'
import { issueClientToken } from './clientTokens.js'
import { limitAnonymous } from './limitAnonymous.js'
import { passwordProblem } from './passwordStrength.js'

export interface RegistrationInput {
  lastName?: unknown
  firstName?: unknown
  email?: unknown
  password?: unknown
  locale?: unknown
  ip?: string | null
}

export interface RegistrationResult {
  client: AccountClient | null
  confirmationSent: boolean
  emailFailed: boolean
}

interface Registration {
  lastName: string
  firstName: string | null
  email: string
  password: string
  locale: Language
}

/** The form's fields, checked: `InvalidInputError` (field → message key) for what is wrong. */
async function validRegistration(
  ctx: AccountContext,
  input: RegistrationInput,
  settings: SecuritySettings,
): Promise<Registration> {
  const fields: Record<string, string> = {}
  const lastName = formText(input.lastName).trim()
  const firstName = formText(input.firstName).trim() || null
  const email = normalizeEmail(formText(input.email))
  const password = formText(input.password)
  const locale = LANGUAGES.includes(input.locale as Language)
    ? (input.locale as Language)
    : ctx.config.language
  if (!lastName) fields.lastName = 'fieldRequired'
  else if (lastName.length > 100) fields.lastName = 'tooLong'
  if (firstName && firstName.length > 100) fields.firstName = 'tooLong'
  if (!email) fields.email = 'fieldRequired'
  else if (!isValidEmail(email)) fields.email = 'invalidEmail'
  const problem = await passwordProblem(password, [email, firstName, lastName], settings.hashingDriver)
  if (problem) fields.password = problem
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
  return { lastName, firstName, email: email as string, password, locale }
}

/**
 * The new client, its confirmation token and email (unless active at once) and its history
 * entry, in one transaction.
 */
async function createClient(
  ctx: AccountContext,
  form: Registration,
  passwordHash: string,
  settings: SecuritySettings,
  ip: string | null,
): Promise<{ client: Client; confirmationSent: boolean; emailFailed: boolean }> {
  const { lastName, firstName, email, locale } = form
  const active = settings.autoConfirmRegistration
  const actor: Actor = { type: 'client', email, ip }
  return inTransaction(ctx.dataSource, async (manager) => {
    const now = new Date()
    const client = await manager.save(
      manager.create(Client, {
        clientNumber: generateClientNumber(),
        lastName,
        firstName,
        email,
        locale,
        passwordHash,
        status: active ? 'active' : 'pending',
        emailConfirmedAt: active ? now : null,
      }),
    )
    let token: string | null = null
    if (!active) {
      token = await issueClientToken(
        manager,
        client.id,
        'email_confirmation',
        settings.confirmationHours * 3600_000,
      )
    }
    // One change, one history entry: the registration, and whether a confirmation link went out.
    await insertEvents(manager, [
      eventRow(
        actor,
        client.id,
        'created',
        null,
        [
          change('clientNumber', null, client.clientNumber),
          change('lastName', null, lastName),
          ...(firstName ? [change('firstName', null, firstName)] : []),
          change('email', null, email),
          change('status', null, client.status),
          change('passwordHash', null, MASK),
        ],
        { via: 'registration', confirmationSentTo: token ? email : null },
      ),
    ])
    const emailFailed = token ? await queueConfirmation(ctx, manager, client, token, settings) : false
    return { client, confirmationSent: token !== null, emailFailed }
  })
}

/** Queues the confirmation link in the registration's transaction (true: refused at once). */
async function queueConfirmation(
  ctx: AccountContext,
  manager: EntityManager,
  client: Client,
  token: string,
  settings: SecuritySettings,
): Promise<boolean> {
  const templates = await ctx.mailer.templates.load(manager, [client.id])
  const queued = await ctx.mailer.queue(manager, [
    {
      clientId: client.id,
      to: client.email as string,
      ...templates.confirmation(
        emailLanguage(client.locale, ctx.config.language),
        client,
        linkWithToken(ctx.config.links.confirmEmail, token),
        token,
        settings.confirmationHours,
      ),
      actor: null,
    },
  ])
  return queued.failed > 0
}

/** Tells the owner of an address that someone tried to register with it (true: refused at once). */
async function noticeTakenAddress(ctx: AccountContext, owner: Client): Promise<boolean> {
  const templates = await ctx.mailer.templates.load(undefined, [owner.id])
  const row = await ctx.mailer.send({
    clientId: owner.id,
    to: owner.email as string,
    ...templates.accountExists(emailLanguage(owner.locale, ctx.config.language), owner),
    actor: null,
  })
  return row.status === 'failed'
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } }
  const code = e?.driverError?.code ?? e?.code
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT'
}

/** See `ClientAccounts.register`. */
export async function registerClient(
  ctx: AccountContext,
  input: RegistrationInput,
): Promise<RegistrationResult> {
  // Per IP before any work (the strength check costs CPU); per address once valid, before any email.
  await limitAnonymous(ctx, 'register', { ip: input.ip ?? null })
  const settings = await ctx.settings.current()
  const hasher = ctx.settings.hasherFor(settings)
  const form = await validRegistration(ctx, input, settings)
  await limitAnonymous(ctx, 'register', { email: form.email })

  // Hashed whether or not the address is taken: both answers cost the same.
  const passwordHash = await hasher.hash(form.password)
  const active = settings.autoConfirmRegistration
  const taken = await findClientByEmail(ctx.dataSource, form.email)
  if (taken) {
    const emailFailed = await noticeTakenAddress(ctx, taken)
    return { client: null, confirmationSent: !active, emailFailed }
  }
  let created: Awaited<ReturnType<typeof createClient>>
  try {
    created = await createClient(ctx, form, passwordHash, settings, input.ip ?? null)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // Two registrations of one address at the same moment: the unique index decides, and the
    // loser is answered like the winner (its owner is told, as for any taken address).
    const owner = await findClientByEmail(ctx.dataSource, form.email)
    if (!owner) throw error
    const emailFailed = await noticeTakenAddress(ctx, owner)
    return { client: null, confirmationSent: !active, emailFailed }
  }
  const { client, confirmationSent, emailFailed } = created
  if (confirmationSent) ctx.mailer.wake()
  return { client: publicClient(client), confirmationSent, emailFailed }
}
