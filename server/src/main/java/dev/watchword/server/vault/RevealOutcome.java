package dev.watchword.server.vault;

/** What a seed reveal yields: the seed, or (high-value) a request for a second person's approval. */
sealed interface RevealOutcome permits SeedRevealService.RevealedSeed, ApprovalRequired {}
