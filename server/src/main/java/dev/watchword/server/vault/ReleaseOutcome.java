package dev.watchword.server.vault;

/** What a code request yields: the code, or (in a high-value vault) a request for a second person's approval. */
sealed interface ReleaseOutcome permits ReleasedCode, ApprovalRequired {}
