package dev.watchword.server;

import dev.watchword.server.crypto.StorageContract;
import dev.watchword.server.support.SqliteServerTest;
import dev.watchword.server.vault.HotpConcurrencyContract;
import dev.watchword.server.vault.VaultApiContract;
import dev.watchword.server.web.BadInputContract;

/** The whole API contract on the embedded SQLite database. */
class SqliteApiTest extends SqliteServerTest
    implements VaultApiContract, BadInputContract, HotpConcurrencyContract, StorageContract {}
