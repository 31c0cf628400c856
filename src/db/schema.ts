import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { ActivitiesTables } from './tables/activities';
import type { ConsoleTables } from './tables/console';
import type { CoreTables } from './tables/core';
import type { FaqTables } from './tables/faq';
import type { FundTables } from './tables/fund';
import type { InstancesTables } from './tables/instances';
import type { MarketTables } from './tables/market';
import type { NoticesTables } from './tables/notices';
import type { PetitionsTables } from './tables/petitions';
import type { ReliefTables } from './tables/relief';
import type { SafetyTables } from './tables/safety';
import type { SetupTables } from './tables/setup';

/** The one Database interface: each area contributes its tables through src/db/tables/<area>.ts. */
export interface Database
  extends CoreTables,
    FaqTables,
    PetitionsTables,
    MarketTables,
    ReliefTables,
    FundTables,
    NoticesTables,
    SafetyTables,
    ConsoleTables,
    InstancesTables,
    SetupTables,
    ActivitiesTables {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything that can run a query: the database or a transaction on it. */
export type DbOrTx = Kysely<Database>;

export type UserRow = Selectable<CoreTables['users']>;
export type NewUser = Insertable<CoreTables['users']>;
export type CommunityRow = Selectable<CoreTables['communities']>;
export type CompoundRow = Selectable<CoreTables['compounds']>;
export type InvitationRow = Selectable<CoreTables['invitations']>;
export type AuditRow = Selectable<CoreTables['audit_log']>;
export type FlowRow = Selectable<CoreTables['flows']>;
export type DeliveryRow = Selectable<CoreTables['deliveries']>;
