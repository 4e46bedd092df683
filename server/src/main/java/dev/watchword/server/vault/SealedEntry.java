package dev.watchword.server.vault;

/** An entry with its encrypted seed, as loaded for a code release; never leaves this package. */
record SealedEntry(Entry entry, byte[] secretCiphertext) {

  @Override
  public String toString() {
    return "SealedEntry[" + entry + ", secretCiphertext=<" + secretCiphertext.length + " bytes>]";
  }
}
