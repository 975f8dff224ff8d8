package com.chainatlas.project;

/**
 * The ledger as of one read: its version (advanced by every ledger write and settings change) and the settings in
 * force. A cache keyed by the version is keyed by the settings too.
 */
public record LedgerState(long version, LedgerSettings settings) {
}
