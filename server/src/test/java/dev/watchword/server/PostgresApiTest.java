package dev.watchword.server;

import dev.watchword.server.audit.AuditChainContract;
import dev.watchword.server.audit.AuditQueryContract;
import dev.watchword.server.backup.BackupRestoreContract;
import dev.watchword.server.crypto.StorageContract;
import dev.watchword.server.identity.OrgRoleContract;
import dev.watchword.server.identity.PasskeyContract;
import dev.watchword.server.identity.SignInContract;
import dev.watchword.server.policy.OrgPolicyContract;
import dev.watchword.server.support.PostgresServerTest;
import dev.watchword.server.vault.AccessRequestContract;
import dev.watchword.server.vault.EntryEditContract;
import dev.watchword.server.vault.EntryTagContract;
import dev.watchword.server.vault.GroupContract;
import dev.watchword.server.vault.ImportContract;
import dev.watchword.server.vault.HotpConcurrencyContract;
import dev.watchword.server.vault.IsolationMatrixContract;
import dev.watchword.server.vault.MembershipContract;
import dev.watchword.server.vault.PolicyContract;
import dev.watchword.server.vault.ReleaseRulesContract;
import dev.watchword.server.vault.SeedRevealContract;
import dev.watchword.server.vault.TwoPersonReleaseContract;
import dev.watchword.server.vault.VaultApiContract;
import dev.watchword.server.web.AdminPagesContract;
import dev.watchword.server.web.BadInputContract;
import dev.watchword.server.web.WebSessionContract;
import dev.watchword.server.web.VaultPagesContract;

/** The whole API contract on PostgreSQL (mandatory under CI=true). */
class PostgresApiTest extends PostgresServerTest
    implements VaultApiContract, BadInputContract, HotpConcurrencyContract, StorageContract, SignInContract,
    MembershipContract, PasskeyContract, ReleaseRulesContract,
    IsolationMatrixContract, SeedRevealContract, TwoPersonReleaseContract, GroupContract,
    AccessRequestContract, EntryTagContract, EntryEditContract,
    PolicyContract, OrgPolicyContract, OrgRoleContract, AuditChainContract, AuditQueryContract, ImportContract,
    WebSessionContract, AdminPagesContract, VaultPagesContract, BackupRestoreContract {}
